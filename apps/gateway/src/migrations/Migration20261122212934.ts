import { Migration } from '@mikro-orm/migrations';

export class Migration20261122212934 extends Migration {

  override name = 'Migration20261122212934';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`comune\` add \`anpr_postazione_id\` varchar(40) null, add \`anpr_postazione_keystore_ref\` varchar(500) null, add \`anpr_postazione_keystore_password_ref\` varchar(500) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`comune\` drop column \`anpr_postazione_id\`, drop column \`anpr_postazione_keystore_ref\`, drop column \`anpr_postazione_keystore_password_ref\`;`);
  }

}
