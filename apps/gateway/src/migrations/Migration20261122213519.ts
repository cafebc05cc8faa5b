import { Migration } from '@mikro-orm/migrations';

export class Migration20261122213519 extends Migration {

  override name = 'Migration20261122213519';

  override up(): void | Promise<void> {
    this.addSql(`create table \`idempotency_record\` (\`id\` varchar(255) not null, \`request_hash\` varchar(64) not null, \`state\` varchar(12) not null default 'in_progress', \`response_status\` int null, \`response_body\` json null, \`created_at\` datetime not null, \`expires_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`idempotency_record\` add index \`idempotency_record_expires_at_index\` (\`expires_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`idempotency_record\`;`);
  }

}
