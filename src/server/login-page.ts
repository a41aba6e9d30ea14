/** The login page of team mode: plain HTML in Dutch, a form that posts to /inloggen, no script. */

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function loginPage(state: { naam?: string; fout?: string }): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen – Regelwerk</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; display: grid; place-items: center; min-height: 100vh; margin: 0; }
  main { background: #fff; padding: 2rem 2.2rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: 22rem; }
  h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
  p.uitleg { margin: 0 0 1.2rem; color: #555; }
  label { display: block; margin: .8rem 0 .2rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #b8bfcc; border-radius: 4px; }
  button { margin-top: 1.2rem; width: 100%; padding: .6rem; font: inherit; font-weight: 600; background: #1f5fbf; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .fout { background: #fdecea; color: #8a1c12; padding: .5rem .7rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
  <h1>Regelwerk</h1>
  <p class="uitleg">Log in om de regels van het Twents Model te lezen en te bewerken.</p>
  ${state.fout !== undefined ? `<p class="fout" role="alert" data-testid="login-fout">${escape(state.fout)}</p>` : ''}
  <form method="post" action="/inloggen">
    <label for="gebruikersnaam">Gebruikersnaam</label>
    <input id="gebruikersnaam" name="gebruikersnaam" autocomplete="username" required value="${escape(state.naam ?? '')}" autofocus>
    <label for="wachtwoord">Wachtwoord</label>
    <input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required>
    <button type="submit">Inloggen</button>
  </form>
</main>
</body>
</html>
`;
}
