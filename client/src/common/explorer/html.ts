// The explorer page's HTML. No vscode import, so the Chromium tests serve exactly this document with
// exactly this CSP. Nothing inline: the one script and the one stylesheet come from the extension
// (dist/webview), the script is also pinned by a per-load nonce.

export interface ExplorerHtmlInput {
  /** webview.cspSource: the origin the extension's resources are served from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

/** A fresh 128-bit nonce (hex); crypto.getRandomValues exists in Node ≥ 19 and in browsers. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    // data: for the PNG export, which rasterises the exported SVG through an <img>.
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function explorerHtml({ cspSource, scriptUri, styleUri, nonce }: ExplorerHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('explorerHtml: the nonce must be at least 16 base64/hex characters');
  // cspSource is a source list (the web workbench gives `http://host/… 'self' https://*.cdn`): spaces and
  // quoted keywords are legitimate; only what could end the directive or the attribute is refused.
  if (/[;"<>\r\n]/.test(cspSource)) throw new Error('explorerHtml: unexpected characters in cspSource');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(styleUri)}">
<title>Loss Explorer</title>
</head>
<body>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>
`;
}
