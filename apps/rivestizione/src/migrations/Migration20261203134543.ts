import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134543 extends Migration {

  override name = 'Migration20261203134543';

  override up(): void | Promise<void> {
    this.addSql(`create table \`riv_budget_day\` (\`comune\` varchar(6) not null, \`day\` varchar(10) not null, \`used\` int not null default 0, primary key (\`comune\`, \`day\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`riv_comune_settings\` (\`comune\` varchar(6) not null, \`convalida_required\` tinyint(1) not null, \`silent_consent_hours\` int null, \`concurrency\` int not null, \`rate_per_second\` int not null, \`daily_budget\` int not null, \`windows\` json not null, \`updated_by\` varchar(100) null, \`updated_at\` datetime null, primary key (\`comune\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`riv_request\` (\`id\` varchar(36) not null, \`submitter_id\` varchar(36) not null, \`submitter_username\` varchar(100) not null, \`submitter_role\` varchar(12) not null, \`standard_ps\` tinyint(1) not null default false, \`ente_id\` varchar(36) null, \`comune\` varchar(6) not null, \`motivo_richiesta\` varchar(100) not null, \`source_name\` varchar(255) null, \`input_format\` varchar(12) not null, \`state\` varchar(24) not null default 'caricata', \`grant_ciphertext\` text null, \`grant_expires_at\` datetime null, \`fields\` json null, \`sections\` json null, \`total_rows\` int not null default 0, \`valid_rows\` int not null default 0, \`invalid_rows\` int not null default 0, \`done_rows\` int not null default 0, \`ok_rows\` int not null default 0, \`error_rows\` int not null default 0, \`reason\` varchar(500) null, \`validator_id\` varchar(36) null, \`validator_username\` varchar(100) null, \`created_at\` datetime not null, \`decided_at\` datetime null, \`started_at\` datetime null, \`completed_at\` datetime null, \`lease_until\` datetime null, \`files_expire_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`riv_request\` add index \`riv_request_submitter_id_created_at_index\` (\`submitter_id\`, \`created_at\`);`);
    this.addSql(`alter table \`riv_request\` add index \`riv_request_state_comune_index\` (\`state\`, \`comune\`);`);

    this.addSql(`create table \`riv_file\` (\`id\` varchar(36) not null, \`request_id\` varchar(36) not null, \`name\` varchar(255) not null, \`sha256\` varchar(64) not null, \`size\` bigint not null, \`rows\` int not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`deleted_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`riv_file\` add index \`riv_file_request_id_index\` (\`request_id\`);`);

    this.addSql(`create table \`riv_row\` (\`id\` varchar(36) not null, \`request_id\` varchar(36) not null, \`position\` int not null, \`id_type\` varchar(20) null, \`id_value\` varchar(30) null, \`reference\` varchar(50) null, \`idempotency_key\` varchar(36) not null, \`attempts\` int not null default 0, \`next_attempt_at\` datetime null, \`result\` json null, \`esito\` varchar(16) null, \`errore\` varchar(300) null, \`done_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`riv_row\` add index \`riv_row_request_id_index\` (\`request_id\`);`);
    this.addSql(`alter table \`riv_row\` add index \`riv_row_request_id_done_at_position_index\` (\`request_id\`, \`done_at\`, \`position\`);`);
    this.addSql(`alter table \`riv_row\` add unique \`riv_row_request_id_position_unique\` (\`request_id\`, \`position\`);`);

    this.addSql(`alter table \`riv_file\` add constraint \`riv_file_request_id_foreign\` foreign key (\`request_id\`) references \`riv_request\` (\`id\`) on delete cascade;`);

    this.addSql(`alter table \`riv_row\` add constraint \`riv_row_request_id_foreign\` foreign key (\`request_id\`) references \`riv_request\` (\`id\`) on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`riv_file\` drop foreign key \`riv_file_request_id_foreign\`;`);
    this.addSql(`alter table \`riv_row\` drop foreign key \`riv_row_request_id_foreign\`;`);

    this.addSql(`drop table if exists \`riv_budget_day\`;`);
    this.addSql(`drop table if exists \`riv_comune_settings\`;`);
    this.addSql(`drop table if exists \`riv_request\`;`);
    this.addSql(`drop table if exists \`riv_file\`;`);
    this.addSql(`drop table if exists \`riv_row\`;`);
  }

}
