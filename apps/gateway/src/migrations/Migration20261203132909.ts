import { Migration } from '@mikro-orm/migrations';

export class Migration20261203132909 extends Migration {

  override name = 'Migration20261203132909';

  override up(): void | Promise<void> {
    this.addSql(`create table \`daily_report_delivery\` (\`id\` varchar(36) not null, \`day\` varchar(10) not null, \`user_id\` varchar(36) not null, \`status\` varchar(8) not null default 'sending', \`attempts\` int not null default 0, \`requests\` int not null default 0, \`last_error\` varchar(200) null, \`updated_at\` datetime not null, \`sent_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`daily_report_delivery\` add unique \`daily_report_delivery_day_user_id_unique\` (\`day\`, \`user_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`daily_report_delivery\`;`);
  }

}
