import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205831 extends Migration {

  override name = 'Migration20261122205831';

  override up(): void | Promise<void> {
    this.addSql(`create table \`access_log\` (\`id\` bigint unsigned not null auto_increment primary key, \`time\` datetime(3) not null, \`event\` varchar(20) not null, \`user_id\` varchar(36) null, \`username\` varchar(80) null, \`ente_id\` varchar(36) null, \`comune\` varchar(6) null, \`application_id\` varchar(36) null, \`detail\` varchar(80) null, \`client_ip\` varchar(45) null, \`request_id\` varchar(64) null, \`monitored\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`access_log\` add index \`access_log_time_index\` (\`time\`);`);
    this.addSql(`alter table \`access_log\` add index \`access_log_user_id_time_index\` (\`user_id\`, \`time\`);`);

    this.addSql(`create table \`anpr_operation_counter\` (\`codice_istat\` varchar(6) not null, \`last_value\` bigint not null, primary key (\`codice_istat\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`audit_chain\` (\`id\` varchar(36) not null, \`last_seq\` int not null default 0, \`last_hash\` varchar(64) not null, \`instance\` varchar(100) not null, \`started_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`audit_event\` (\`id\` bigint unsigned not null auto_increment primary key, \`chain_id\` varchar(36) not null, \`seq\` int not null, \`prev_hash\` varchar(64) not null, \`hash\` varchar(64) not null, \`time\` datetime(3) not null, \`request_id\` varchar(64) not null, \`user_id\` varchar(36) null, \`username\` varchar(80) null, \`ente_id\` varchar(36) null, \`application_id\` varchar(36) null, \`anpr_operator_id\` varchar(64) null, \`workstation\` varchar(40) null, \`client_ip\` varchar(45) null, \`target_comune\` varchar(6) null, \`operation\` varchar(80) not null, \`purpose\` varchar(40) null, \`motivo_richiesta\` varchar(200) null, \`criterion_type\` varchar(20) null, \`criterion_value\` varchar(200) null, \`subjects\` json not null, \`sections\` json not null, \`outcome\` varchar(12) not null, \`outcome_detail\` varchar(80) null, \`anpr_operation_id\` varchar(64) null, \`latency_ms\` int null, \`monitored\` tinyint(1) not null default true) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_time_index\` (\`time\`);`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_ente_id_time_index\` (\`ente_id\`, \`time\`);`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_user_id_time_index\` (\`user_id\`, \`time\`);`);
    this.addSql(`alter table \`audit_event\` add index \`audit_event_target_comune_time_index\` (\`target_comune\`, \`time\`);`);
    this.addSql(`alter table \`audit_event\` add unique \`audit_event_chain_id_seq_unique\` (\`chain_id\`, \`seq\`);`);

    this.addSql(`create table \`comune\` (\`id\` varchar(36) not null, \`codice_istat\` varchar(6) not null, \`codice_catastale\` varchar(4) not null, \`nome\` varchar(200) not null, \`provincia\` varchar(2) not null, \`anpr_environment\` varchar(8) not null default 'FREE', \`anpr_channel\` varchar(8) not null default 'soap', \`anpr_soap_url\` varchar(500) null, \`anpr_pdnd_url\` varchar(500) null, \`keystore_ref\` varchar(500) null, \`keystore_password_ref\` varchar(500) null, \`anpr_operator_ids\` json not null, \`default_anpr_operator_id\` varchar(64) null, \`non_resident_visura_policy\` varchar(16) not null default 'mediator', \`silent_consent_hours\` int not null default 24, \`workstation_policy\` varchar(16) not null default 'free', \`alarm_night_start\` varchar(5) not null default '22:00', \`alarm_night_end\` varchar(5) not null default '06:00', \`alarm_repeat_threshold\` int not null default 5, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`comune\` add unique \`comune_codice_istat_unique\` (\`codice_istat\`);`);

    this.addSql(`create table \`ente\` (\`id\` varchar(36) not null, \`kind\` varchar(20) not null, \`name\` varchar(200) not null, \`codice_fiscale\` varchar(16) null, \`comune_id\` varchar(36) null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`ente\` add index \`ente_comune_id_index\` (\`comune_id\`);`);

    this.addSql(`create table \`convenzione\` (\`id\` varchar(36) not null, \`ente_id\` varchar(36) not null, \`comune_id\` varchar(36) not null, \`valid_from\` varchar(10) not null, \`valid_to\` varchar(10) null, \`reference\` varchar(100) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`convenzione\` add index \`convenzione_ente_id_index\` (\`ente_id\`);`);
    this.addSql(`alter table \`convenzione\` add index \`convenzione_comune_id_index\` (\`comune_id\`);`);

    this.addSql(`create table \`app_user\` (\`id\` varchar(36) not null, \`username\` varchar(80) not null, \`name\` varchar(200) not null, \`email\` varchar(254) not null, \`role\` varchar(12) not null, \`ente_id\` varchar(36) null, \`comune_id\` varchar(36) null, \`mediator\` tinyint(1) not null default false, \`anpr_operator_id\` varchar(64) null, \`status\` varchar(12) not null default 'active', \`password_hash\` varchar(200) null, \`failed_logins\` int not null default 0, \`locked_until\` datetime null, \`password_changed_at\` datetime null, \`last_login_at\` datetime null, \`created_by_id\` varchar(36) null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`app_user\` add unique \`app_user_username_unique\` (\`username\`);`);
    this.addSql(`alter table \`app_user\` add index \`app_user_role_index\` (\`role\`);`);
    this.addSql(`alter table \`app_user\` add index \`app_user_ente_id_index\` (\`ente_id\`);`);
    this.addSql(`alter table \`app_user\` add index \`app_user_comune_id_index\` (\`comune_id\`);`);
    this.addSql(`alter table \`app_user\` add index \`app_user_created_by_id_index\` (\`created_by_id\`);`);

    this.addSql(`create table \`refresh_token\` (\`id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`token_hash\` varchar(64) not null, \`family\` varchar(36) not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`revoked_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`refresh_token\` add index \`refresh_token_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`refresh_token\` add unique \`refresh_token_token_hash_unique\` (\`token_hash\`);`);

    this.addSql(`create table \`profile\` (\`id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`sections\` json not null, \`visura_types\` json not null, \`rivestizione_fields\` json not null, \`scope\` varchar(12) not null default 'agreed', \`allowed_comuni\` json not null, \`daily_quota\` int not null default 0, \`updated_by_id\` varchar(36) null, \`updated_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`profile\` add unique \`profile_user_id_unique\` (\`user_id\`);`);
    this.addSql(`alter table \`profile\` add index \`profile_updated_by_id_index\` (\`updated_by_id\`);`);

    this.addSql(`create table \`application\` (\`id\` varchar(36) not null, \`ente_id\` varchar(36) not null, \`name\` varchar(200) not null, \`client_id\` varchar(64) not null, \`status\` varchar(12) not null default 'active', \`created_by_id\` varchar(36) null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`application\` add index \`application_ente_id_index\` (\`ente_id\`);`);
    this.addSql(`alter table \`application\` add unique \`application_client_id_unique\` (\`client_id\`);`);
    this.addSql(`alter table \`application\` add index \`application_created_by_id_index\` (\`created_by_id\`);`);

    this.addSql(`create table \`application_secret\` (\`id\` varchar(36) not null, \`application_id\` varchar(36) not null, \`hash\` varchar(200) not null, \`prefix\` varchar(12) not null, \`created_at\` datetime not null, \`expires_at\` datetime null, \`revoked_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`application_secret\` add index \`application_secret_application_id_index\` (\`application_id\`);`);

    this.addSql(`create table \`application_operator\` (\`application_id\` varchar(36) not null, \`user_id\` varchar(36) not null, primary key (\`application_id\`, \`user_id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`application_operator\` add index \`application_operator_application_id_index\` (\`application_id\`);`);
    this.addSql(`alter table \`application_operator\` add index \`application_operator_user_id_index\` (\`user_id\`);`);

    this.addSql(`create table \`workstation\` (\`id\` varchar(36) not null, \`code\` varchar(40) not null, \`label\` varchar(200) not null, \`ente_id\` varchar(36) not null, \`authorised\` tinyint(1) not null default false, \`device_token_hash\` varchar(64) null, \`cert_fingerprint\` varchar(64) null, \`ip_range\` varchar(64) null, \`keystore_ref\` varchar(500) null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`workstation\` add unique \`workstation_code_unique\` (\`code\`);`);
    this.addSql(`alter table \`workstation\` add index \`workstation_ente_id_index\` (\`ente_id\`);`);

    this.addSql(`alter table \`ente\` add constraint \`ente_comune_id_foreign\` foreign key (\`comune_id\`) references \`comune\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`convenzione\` add constraint \`convenzione_ente_id_foreign\` foreign key (\`ente_id\`) references \`ente\` (\`id\`);`);
    this.addSql(`alter table \`convenzione\` add constraint \`convenzione_comune_id_foreign\` foreign key (\`comune_id\`) references \`comune\` (\`id\`);`);

    this.addSql(`alter table \`app_user\` add constraint \`app_user_ente_id_foreign\` foreign key (\`ente_id\`) references \`ente\` (\`id\`) on delete set null;`);
    this.addSql(`alter table \`app_user\` add constraint \`app_user_comune_id_foreign\` foreign key (\`comune_id\`) references \`comune\` (\`id\`) on delete set null;`);
    this.addSql(`alter table \`app_user\` add constraint \`app_user_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`app_user\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`refresh_token\` add constraint \`refresh_token_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`);`);

    this.addSql(`alter table \`profile\` add constraint \`profile_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`);`);
    this.addSql(`alter table \`profile\` add constraint \`profile_updated_by_id_foreign\` foreign key (\`updated_by_id\`) references \`app_user\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`application\` add constraint \`application_ente_id_foreign\` foreign key (\`ente_id\`) references \`ente\` (\`id\`);`);
    this.addSql(`alter table \`application\` add constraint \`application_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`app_user\` (\`id\`) on delete set null;`);

    this.addSql(`alter table \`application_secret\` add constraint \`application_secret_application_id_foreign\` foreign key (\`application_id\`) references \`application\` (\`id\`);`);

    this.addSql(`alter table \`application_operator\` add constraint \`application_operator_application_id_foreign\` foreign key (\`application_id\`) references \`application\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`application_operator\` add constraint \`application_operator_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`) on update cascade on delete cascade;`);

    this.addSql(`alter table \`workstation\` add constraint \`workstation_ente_id_foreign\` foreign key (\`ente_id\`) references \`ente\` (\`id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`ente\` drop foreign key \`ente_comune_id_foreign\`;`);
    this.addSql(`alter table \`convenzione\` drop foreign key \`convenzione_comune_id_foreign\`;`);
    this.addSql(`alter table \`app_user\` drop foreign key \`app_user_comune_id_foreign\`;`);
    this.addSql(`alter table \`convenzione\` drop foreign key \`convenzione_ente_id_foreign\`;`);
    this.addSql(`alter table \`app_user\` drop foreign key \`app_user_ente_id_foreign\`;`);
    this.addSql(`alter table \`application\` drop foreign key \`application_ente_id_foreign\`;`);
    this.addSql(`alter table \`workstation\` drop foreign key \`workstation_ente_id_foreign\`;`);
    this.addSql(`alter table \`app_user\` drop foreign key \`app_user_created_by_id_foreign\`;`);
    this.addSql(`alter table \`refresh_token\` drop foreign key \`refresh_token_user_id_foreign\`;`);
    this.addSql(`alter table \`profile\` drop foreign key \`profile_user_id_foreign\`;`);
    this.addSql(`alter table \`profile\` drop foreign key \`profile_updated_by_id_foreign\`;`);
    this.addSql(`alter table \`application\` drop foreign key \`application_created_by_id_foreign\`;`);
    this.addSql(`alter table \`application_operator\` drop foreign key \`application_operator_user_id_foreign\`;`);
    this.addSql(`alter table \`application_secret\` drop foreign key \`application_secret_application_id_foreign\`;`);
    this.addSql(`alter table \`application_operator\` drop foreign key \`application_operator_application_id_foreign\`;`);

    this.addSql(`drop table if exists \`access_log\`;`);
    this.addSql(`drop table if exists \`anpr_operation_counter\`;`);
    this.addSql(`drop table if exists \`audit_chain\`;`);
    this.addSql(`drop table if exists \`audit_event\`;`);
    this.addSql(`drop table if exists \`comune\`;`);
    this.addSql(`drop table if exists \`ente\`;`);
    this.addSql(`drop table if exists \`convenzione\`;`);
    this.addSql(`drop table if exists \`app_user\`;`);
    this.addSql(`drop table if exists \`refresh_token\`;`);
    this.addSql(`drop table if exists \`profile\`;`);
    this.addSql(`drop table if exists \`application\`;`);
    this.addSql(`drop table if exists \`application_secret\`;`);
    this.addSql(`drop table if exists \`application_operator\`;`);
    this.addSql(`drop table if exists \`workstation\`;`);
  }

}
