import { Migration } from '@mikro-orm/migrations';

export class Migration20261203125054 extends Migration {

  override name = 'Migration20261203125054';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`audit_event\` add \`acting_service\` varchar(32) null, add \`mediator_id\` varchar(36) null;`);

    this.addSql(`alter table \`comune\` add \`silent_consent_mediator\` varchar(80) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`audit_event\` drop column \`acting_service\`, drop column \`mediator_id\`;`);

    this.addSql(`alter table \`comune\` drop column \`silent_consent_mediator\`;`);
  }

}
