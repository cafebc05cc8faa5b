import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130822 extends Migration {

  override name = 'Migration20261203130822';

  override up(): void | Promise<void> {
    this.addSql(`create table \`bacheca_message\` (\`id\` varchar(36) not null, \`comune_id\` varchar(36) not null, \`author_id\` varchar(36) not null, \`recipient_id\` varchar(36) null, \`title\` varchar(200) not null, \`body\` text not null, \`valid_from\` varchar(10) not null, \`valid_to\` varchar(10) null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`bacheca_message\` add index \`bacheca_message_comune_id_index\` (\`comune_id\`);`);
    this.addSql(`alter table \`bacheca_message\` add index \`bacheca_message_author_id_index\` (\`author_id\`);`);
    this.addSql(`alter table \`bacheca_message\` add index \`bacheca_message_recipient_id_index\` (\`recipient_id\`);`);
    this.addSql(`alter table \`bacheca_message\` add index \`bacheca_message_comune_id_valid_from_index\` (\`comune_id\`, \`valid_from\`);`);

    this.addSql(`alter table \`bacheca_message\` add constraint \`bacheca_message_comune_id_foreign\` foreign key (\`comune_id\`) references \`comune\` (\`id\`);`);
    this.addSql(`alter table \`bacheca_message\` add constraint \`bacheca_message_author_id_foreign\` foreign key (\`author_id\`) references \`app_user\` (\`id\`);`);
    this.addSql(`alter table \`bacheca_message\` add constraint \`bacheca_message_recipient_id_foreign\` foreign key (\`recipient_id\`) references \`app_user\` (\`id\`) on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`bacheca_message\`;`);
  }

}
