// Lighthouse on several pages, one after another, in one Chromium
// (tests/browser/test_lighthouse.py): what its command line does per page,
// without starting Node and Chromium again for each (half of each run).
// Lighthouse resets the browser's cache and storage before each page.
//
// Argument: JSON {chromePath, chromeFlags, categories, audits: [{url,
// cpuSlowdown}]}. Prints one JSON line per page: {url, scores, failing,
// benchmarkIndex}, failing naming the weighted audits short of 1.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const { chromePath, chromeFlags, categories, audits } = JSON.parse(process.argv[2]);
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
try {
  for (const { url, cpuSlowdown } of audits) {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: categories,
      disableFullPageScreenshot: true,
      throttling: { cpuSlowdownMultiplier: cpuSlowdown },
    });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const failing = [];
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight && audit.score !== null && audit.score < 1) {
          failing.push(`${ref.id} ${audit.displayValue ?? ""}`.trim());
        }
      }
    }
    const scores = Object.fromEntries(categories.map((name) => [name, lhr.categories[name].score]));
    console.log(JSON.stringify({ url, scores, failing, benchmarkIndex: lhr.environment.benchmarkIndex }));
  }
} finally {
  await chrome.kill();
}
