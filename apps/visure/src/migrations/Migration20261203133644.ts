import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133644 extends Migration {

  override name = 'Migration20261203133644';

  override up(): void | Promise<void> {
    this.addSql(`create table \`visura_document\` (\`id\` varchar(40) not null, \`request_id\` varchar(36) not null, \`sha256\` varchar(64) not null, \`cvd_hash\` varchar(64) not null, \`comune\` varchar(6) not null, \`type\` varchar(32) not null, \`anpr_protocol\` varchar(120) not null, \`storage_key\` varchar(200) not null, \`size\` int not null, \`expires_at\` datetime not null, \`issued_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`visura_document\` add unique \`visura_document_request_id_unique\` (\`request_id\`);`);

    this.addSql(`create table \`visura_request\` (\`id\` varchar(36) not null, \`type\` varchar(32) not null, \`state\` varchar(24) not null, \`route\` varchar(32) null, \`route_reason\` varchar(32) null, \`comune\` varchar(6) not null, \`criterion_kind\` varchar(16) not null, \`subject_cf\` varchar(16) null, \`subject_name\` varchar(200) null, \`subject_birth_date\` varchar(10) null, \`search_id\` varchar(36) null, \`candidate_index\` int null, \`motivo_richiesta\` varchar(200) not null, \`requester_id\` varchar(36) not null, \`requester_username\` varchar(80) not null, \`requester_name\` varchar(200) not null, \`requester_role\` varchar(12) not null, \`ente_id\` varchar(36) null, \`standard_ps\` tinyint(1) not null default false, \`grant_ciphertext\` text null, \`grant_expires_at\` datetime null, \`criterion_ciphertext\` text null, \`mediator_id\` varchar(36) null, \`mediator_name\` varchar(200) null, \`reason\` text null, \`residence_comune_name\` varchar(120) null, \`anpr_protocol\` varchar(120) null, \`document_id\` varchar(40) null, \`attempts\` int not null default 0, \`next_attempt_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`decided_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`visura_request\` add index \`visura_request_state_index\` (\`state\`);`);
    this.addSql(`alter table \`visura_request\` add index \`visura_request_requester_id_created_at_index\` (\`requester_id\`, \`created_at\`);`);
    this.addSql(`alter table \`visura_request\` add index \`visura_request_ente_id_created_at_index\` (\`ente_id\`, \`created_at\`);`);
    this.addSql(`alter table \`visura_request\` add index \`visura_request_comune_created_at_index\` (\`comune\`, \`created_at\`);`);

    this.addSql(`create table \`visura_search\` (\`id\` varchar(36) not null, \`requester_id\` varchar(36) not null, \`comune\` varchar(6) not null, \`type\` varchar(32) not null, \`criterion_kind\` varchar(16) not null, \`motivo_richiesta\` varchar(200) not null, \`candidates\` json not null, \`anpr_protocol\` varchar(120) null, \`chosen_index\` int null, \`created_at\` datetime not null, \`expires_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`visura_verification\` (\`id\` varchar(36) not null, \`document_id\` varchar(40) not null, \`outcome\` varchar(12) not null, \`client_ip\` varchar(64) null, \`at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`visura_verification\` add index \`visura_verification_document_id_index\` (\`document_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`visura_document\`;`);
    this.addSql(`drop table if exists \`visura_request\`;`);
    this.addSql(`drop table if exists \`visura_search\`;`);
    this.addSql(`drop table if exists \`visura_verification\`;`);
  }

}
