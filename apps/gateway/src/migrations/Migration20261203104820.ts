import { Migration } from '@mikro-orm/migrations';

/**
 * Hardening (issue 9): forced password change, absolute refresh-family lifetime, and every Ente owned
 * by a Comune. External bodies registered before this version had no owner: the Comune of their
 * earliest convenzione registered them, so it becomes the owner (the only Comune whose TOP users
 * manage their users from now on).
 */
export class Migration20261203104820 extends Migration {

  override name = 'Migration20261203104820';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`app_user\` add \`must_change_password\` tinyint(1) not null default false;`);

    this.addSql(`alter table \`refresh_token\` add \`family_expires_at\` datetime null;`);

    this.addSql(`update \`ente\` e set e.\`comune_id\` = (select c.\`comune_id\` from \`convenzione\` c where c.\`ente_id\` = e.\`id\` order by c.\`valid_from\` asc, c.\`id\` asc limit 1) where e.\`comune_id\` is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`app_user\` drop column \`must_change_password\`;`);

    this.addSql(`alter table \`refresh_token\` drop column \`family_expires_at\`;`);
  }

}
