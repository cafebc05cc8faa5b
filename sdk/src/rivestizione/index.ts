/** The rivestizione service's client: `new RivestizioneClient({ baseUrl, accessToken })`. */
export { FINAL_STATES, RivestizioneClient } from './client.js';
export type { RivestizioneClientOptions, SubmitOptions } from './client.js';
export type { ComuneSettingsDto, ComuneSettingsView, CountsView, ListItemDto, ResultFileView, RivestizionePage, RivestizioneView, RowIssueView, ValidationReportView } from './generated/index.js';
export { RivestizioneApi } from './generated/index.js';
