// Prints the run's closing line in the plain form CI reads:
// "tests: N passed, N failed" (skipped tests count as failed: a skipped test
// is a failing test here).
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/jest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`could not read ${file}: ${e.message}`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests;
const skipped = report.numPendingTests + report.numTodoTests;
const suiteErrors = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
const failed = report.numFailedTests + skipped + suiteErrors;
if (skipped) console.log(`${skipped} skipped test(s) counted as failed`);
if (suiteErrors) console.log(`${suiteErrors} test file(s) failed to run`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
