/**
 * axe-core run inside the page: the helper fails listing each serious or critical violation
 * with its rule id, impact and the elements it found, so the message says what to fix.
 */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

const AXE = path.resolve('node_modules/axe-core/axe.min.js');

export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        why: n.failureSummary?.split('\n')[1] ?? '',
      })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const lines = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.why.trim()}`).join('\n    ')}`,
  );
  expect(lines, `axe on ${where}`).toEqual([]);
}
