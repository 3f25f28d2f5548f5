// Regenerates src/QaBot.Analysis/Data/OpenCC/*.txt from the npm package opencc-js.
// Usage: npm pack opencc-js@1.4.2 && tar xzf opencc-js-1.4.2.tgz && node tools/opencc/extract.mjs package
import fs from "node:fs";
import path from "node:path";

const packageDir = process.argv[2] ?? "package";
const outDir = new URL("../../src/QaBot.Analysis/Data/OpenCC/", import.meta.url);
for (const name of ["TSCharacters", "TSPhrases", "TWPhrasesRev"]) {
  const source = fs.readFileSync(path.join(packageDir, "dist/esm-lib/dict", `${name}.js`), "utf8");
  const literal = source.match(/export default "(.*)"/s)[1];
  const pairs = JSON.parse(`"${literal}"`).split("|").filter(Boolean);
  const lines = pairs.map(pair => { const [from, ...to] = pair.split(" "); return `${from}\t${to.join(" ")}`; });
  fs.writeFileSync(new URL(`${name}.txt`, outDir), lines.join("\n") + "\n");
  console.log(`${name}: ${lines.length} entries`);
}
