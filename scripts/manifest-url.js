'use strict';
// The production manifest: manifest.xml with every https://localhost:3000/ replaced by the address where IT
// hosts dist/ (ADDIN_URL). Used by webpack.config.js and by the deployment tests.

const DEV_URL = 'https://localhost:3000/';

/** ADDIN_URL checked and with its trailing slash; Office loads add-ins only over https. */
function addinUrl(value) {
  if (!value) return DEV_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `ADDIN_URL „${value}“ ist keine Adresse (Beispiel: https://intranet.example/stellenplan/).`,
    );
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_URL „${value}“ muss mit https:// beginnen: Office lädt Add-ins nur über HTTPS.`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL „${value}“ darf weder ? noch # enthalten.`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** manifest.xml → manifest.prod.xml for the given base address. */
function prodManifest(xml, base) {
  return String(xml).split(DEV_URL).join(base);
}

module.exports = { DEV_URL, addinUrl, prodManifest };
