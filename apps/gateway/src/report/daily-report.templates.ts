import Handlebars from 'handlebars';

/** What a daily report shows: the day's requests in the recipient's scope, no subject data. */
export interface DailyReportModel {
  dayLabel: string;
  scopeLabel: string;
  recipientName: string;
  requests: Array<{ time: string; requester: string; ente: string; purpose: string; outcome: string; requestId: string }>;
  consoleUrl?: string;
}

const engine = Handlebars.create();

export const subjectTemplate = engine.compile<DailyReportModel>('GeRes – resoconto del {{dayLabel}} ({{scopeLabel}})', { noEscape: true });

export const textTemplate = engine.compile<DailyReportModel>(
  `Gentile {{recipientName}},

ecco le richieste registrate da GeRes il {{dayLabel}} per {{scopeLabel}}.
{{#if requests.length}}

Ora   | Richiedente | Ente | Tipo | Esito | Id richiesta
{{#each requests}}
{{time}} | {{requester}} | {{ente}} | {{purpose}} | {{outcome}} | {{requestId}}
{{/each}}

Totale: {{requests.length}}.
{{else}}

Nessuna richiesta.
{{/if}}
{{#if consoleUrl}}

Il dettaglio è nella console: {{consoleUrl}}
{{/if}}

Messaggio automatico di GeRes: non rispondere.
`,
  { noEscape: true },
);

export const htmlTemplate = engine.compile<DailyReportModel>(`<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Resoconto del {{dayLabel}}</title></head>
<body style="font-family: 'Titillium Web', Arial, sans-serif; color: #1a1a1a">
<p>Gentile {{recipientName}},</p>
<p>ecco le richieste registrate da GeRes il <strong>{{dayLabel}}</strong> per <strong>{{scopeLabel}}</strong>.</p>
{{#if requests.length}}
<table style="border-collapse: collapse" cellpadding="4">
<caption style="text-align: left">{{requests.length}} richieste</caption>
<thead><tr><th scope="col" style="text-align: left; border-bottom: 2px solid #5c6f82">Ora</th><th scope="col" style="text-align: left; border-bottom: 2px solid #5c6f82">Richiedente</th><th scope="col" style="text-align: left; border-bottom: 2px solid #5c6f82">Ente</th><th scope="col" style="text-align: left; border-bottom: 2px solid #5c6f82">Tipo</th><th scope="col" style="text-align: left; border-bottom: 2px solid #5c6f82">Esito</th><th scope="col" style="text-align: left; border-bottom: 2px solid #5c6f82">Id richiesta</th></tr></thead>
<tbody>
{{#each requests}}<tr><td style="border-bottom: 1px solid #d9dadb">{{time}}</td><td style="border-bottom: 1px solid #d9dadb">{{requester}}</td><td style="border-bottom: 1px solid #d9dadb">{{ente}}</td><td style="border-bottom: 1px solid #d9dadb">{{purpose}}</td><td style="border-bottom: 1px solid #d9dadb">{{outcome}}</td><td style="border-bottom: 1px solid #d9dadb"><code>{{requestId}}</code></td></tr>
{{/each}}
</tbody></table>
{{else}}
<p>Nessuna richiesta.</p>
{{/if}}
{{#if consoleUrl}}<p>Il dettaglio è nella <a href="{{consoleUrl}}">console di GeRes</a>.</p>{{/if}}
<p style="color: #5c6f82; font-size: smaller">Messaggio automatico di GeRes: non rispondere.</p>
</body></html>
`);
