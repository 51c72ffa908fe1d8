export const TOKEN_COOKIE = 'sis_token';

/** The page's shell: the bundle does the rest. */
export function pageHtml(version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sis dashboard</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<div id="root" data-version="${version.replace(/[^\w.+-]/g, '')}"></div>
<script type="module" src="/assets/app.js"></script>
</body>
</html>
`;
}
