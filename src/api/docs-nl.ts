/**
 * Swagger UI at `/docs` in Dutch. Swagger UI has no language packs; what it lets one configure is the page title,
 * extra JavaScript and CSS (`theme`) and its own settings (`uiConfig`). The title is Dutch, and a small script
 * replaces Swagger UI's fixed English labels by Dutch as they appear (the document's own texts are Dutch already,
 * src/api/openapi.ts). Served by @fastify/swagger-ui from this server: nothing from a CDN.
 */

/** Swagger UI's fixed labels (swagger-ui 5) → Dutch. Only whole texts of an element are replaced. */
export const SWAGGER_UI_DUTCH: Readonly<Record<string, string>> = {
  'Try it out': 'Uitproberen',
  'Try it out ': 'Uitproberen',
  Execute: 'Uitvoeren',
  Cancel: 'Annuleren',
  Clear: 'Wissen',
  Parameters: 'Parameters',
  'No parameters': 'Geen parameters',
  'Request body': 'Verzoek',
  required: 'verplicht',
  Responses: 'Antwoorden',
  Response: 'Antwoord',
  Code: 'Code',
  Description: 'Beschrijving',
  Links: 'Koppelingen',
  'No links': 'Geen koppelingen',
  'Media type': 'Mediatype',
  'Controls Accept header.': 'Bepaalt de Accept-kopregel.',
  'Example Value': 'Voorbeeld',
  Schema: 'Schema',
  Schemas: "Schema's",
  Examples: 'Voorbeelden',
  Curl: 'Curl',
  'Request URL': 'Adres van het verzoek',
  'Server response': 'Antwoord van de server',
  'Response body': 'Inhoud van het antwoord',
  'Response headers': 'Kopregels van het antwoord',
  Download: 'Downloaden',
  Details: 'Details',
  Servers: 'Servers',
  Authorize: 'Aanmelden',
  'Available authorizations': 'Beschikbare aanmeldingen',
  Close: 'Sluiten',
  Logout: 'Afmelden',
  Value: 'Waarde',
  Name: 'Naam',
  'Expand all': 'Alles openklappen',
  'Collapse all': 'Alles dichtklappen',
  'Filter by tag': 'Filteren op onderwerp',
  'Loading...': 'Laden…',
  Explore: 'Bekijken',
  Undocumented: 'Niet beschreven',
  Extensions: 'Uitbreidingen',
  'Could not render n, see the console.': 'Kon dit niet tonen.',
};

/** The script Swagger UI's page loads: replaces the labels above, also in parts that open later. */
export function swaggerDutchScript(): string {
  return `(() => {
  const nl = ${JSON.stringify(SWAGGER_UI_DUTCH)};
  const fix = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const t = n.nodeValue.trim();
      if (t !== '' && Object.prototype.hasOwnProperty.call(nl, t)) n.nodeValue = n.nodeValue.replace(t, nl[t]);
    }
    root.querySelectorAll && root.querySelectorAll('input[placeholder], textarea[placeholder]').forEach((e) => {
      if (e.placeholder === 'Filter by tag') e.placeholder = nl['Filter by tag'];
    });
  };
  const start = () => {
    document.documentElement.lang = 'nl';
    fix(document.body);
    new MutationObserver((changes) => {
      for (const c of changes) for (const node of c.addedNodes) if (node.nodeType === 1) fix(node);
        else if (node.nodeType === 3 && node.parentNode) fix(node.parentNode);
    }).observe(document.body, { childList: true, subtree: true, characterData: false });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
}

/** The options for @fastify/swagger-ui: Dutch title, the script above, lists collapsed to their operations. */
export function swaggerUiDutch(title: string) {
  return {
    theme: {
      title: `${title}: documentatie`,
      js: [{ filename: 'nederlands.js', content: swaggerDutchScript() }],
    },
    uiConfig: { docExpansion: 'list' as const, deepLinking: false, tryItOutEnabled: false },
  };
}
