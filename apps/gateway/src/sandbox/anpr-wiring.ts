import { EntityManager } from '@mikro-orm/core';
import type { ComuneAnprSettings } from '#libs/anpr';
import { Comune, Workstation, type ComunePdndSettings } from '#libs/domain';

export interface SandboxAnprWiring {
  codiceIstat: string;
  operatorIds: string[];
  idApplicazione: string;
  soap: ComuneAnprSettings['soap'] & object;
  pdnd: ComuneAnprSettings['pdnd'] & object;
  keystorePath: string;
  /** The file holding the Comune keystore's own password. */
  keystorePasswordFile: string;
  pdndPrivateKeyFile: string;
  /** Workstations of the Comune's Enti, each keystore with its own password file. */
  workstations: Array<{ code: string; keystorePath: string; keystorePasswordFile: string }>;
  /** The Comune's own ANPR workstation. */
  postazione?: { code: string; keystorePath: string; keystorePasswordFile: string };
}

/**
 * Points a Comune (and its workstations) at the simulated ANPR: endpoints, keystores and the PDND
 * client, all by reference to the files the test PKI wrote. Run on every sandbox start, since the
 * simulator's address may change.
 */
export async function wireComuneToSimulator(em: EntityManager, w: SandboxAnprWiring): Promise<void> {
  const comune = await em.findOneOrFail(Comune, { codiceIstat: w.codiceIstat });
  const pdnd: ComunePdndSettings = {
    tokenUrl: w.pdnd.tokenUrl,
    clientAssertionAudience: w.pdnd.clientAssertionAudience,
    audienceBaseUrl: w.pdnd.audienceBaseUrl,
    clientId: w.pdnd.clientId,
    kid: w.pdnd.kid,
    privateKeyRef: `file:${w.pdndPrivateKeyFile}`,
    purposes: w.pdnd.purposes,
  };
  Object.assign(comune, {
    anprEnvironment: 'FREE',
    anprSoapUrl: w.soap.baseUrl,
    anprSoapService: w.soap.service,
    anprIdApplicazione: w.idApplicazione,
    anprPdndUrl: w.pdnd.baseUrl,
    anprPdnd: pdnd,
    keystoreRef: w.keystorePath,
    keystorePasswordRef: `file:${w.keystorePasswordFile}`,
    anprOperatorIds: [...new Set([...comune.anprOperatorIds, ...w.operatorIds])],
    defaultAnprOperatorId: comune.defaultAnprOperatorId ?? w.operatorIds[0],
    anprPostazioneId: w.postazione?.code,
    anprPostazioneKeystoreRef: w.postazione?.keystorePath,
    anprPostazioneKeystorePasswordRef: w.postazione ? `file:${w.postazione.keystorePasswordFile}` : undefined,
  });
  for (const ws of w.workstations) {
    const entity = await em.findOne(Workstation, { code: ws.code });
    if (entity) Object.assign(entity, { keystoreRef: ws.keystorePath, keystorePasswordRef: `file:${ws.keystorePasswordFile}` });
  }
  await em.flush();
}
