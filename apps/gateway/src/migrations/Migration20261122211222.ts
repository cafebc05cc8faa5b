import { Migration } from '@mikro-orm/migrations';

export class Migration20261122211222 extends Migration {

  override name = 'Migration20261122211222';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`comune\` add \`anpr_soap_service\` varchar(4) not null default '3002', add \`anpr_id_applicazione\` varchar(64) not null default 'GERES', add \`anpr_tls_keystore_ref\` varchar(500) null, add \`anpr_tls_keystore_password_ref\` varchar(500) null, add \`anpr_tls_ca_ref\` varchar(500) null, add \`anpr_pdnd\` json null;`);

    this.addSql(`alter table \`workstation\` add \`keystore_password_ref\` varchar(500) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`comune\` drop column \`anpr_soap_service\`, drop column \`anpr_id_applicazione\`, drop column \`anpr_tls_keystore_ref\`, drop column \`anpr_tls_keystore_password_ref\`, drop column \`anpr_tls_ca_ref\`, drop column \`anpr_pdnd\`;`);

    this.addSql(`alter table \`workstation\` drop column \`keystore_password_ref\`;`);
  }

}
