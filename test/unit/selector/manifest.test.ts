// package.json contributions for the editor commands stay in step with the code: every command the
// client registers is contributed (LossLens category, codicon), palette entries are limited to where
// they apply, the context menu has "Explain loss", and the walkthrough's four steps have their media.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, TEST_COMMANDS } from '../../../shared/src/commands';

// The runner bundles tests elsewhere and runs them from the repository root.
const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributed: { command: string; title: string; category?: string; icon?: string }[] = manifest.contributes.commands;
const LANG_WHEN = 'editorLangId =~ /^(python|typescript|javascript|typescriptreact|javascriptreact)$/';

test('the command ids defined in shared/src/commands.ts are exactly the contributed commands', () => {
  assert.deepEqual(Object.values(COMMANDS).sort(), contributed.map(c => c.command).sort());
  for (const id of Object.values(TEST_COMMANDS))
    assert.ok(!contributed.some(c => c.command === id), `the e2e hook ${id} stays out of the palette`);
});

test('every command is contributed with the LossLens category; editor commands have a codicon', () => {
  for (const [key, id] of Object.entries(COMMANDS)) {
    const c = contributed.find(x => x.command === id);
    assert.ok(c, `${id} is contributed`);
    assert.equal(c.category, 'LossLens', id);
    // The server's own two (restart, show output) live only in the palette.
    if (key === 'restartServer' || key === 'showOutput') continue;
    assert.match(c.icon ?? '', /^\$\([a-z-]+\)$/, id);
  }
});

test('editor commands appear in the palette only in Python/TS/JS editors; menus name contributed commands', () => {
  const palette: { command: string; when: string }[] = manifest.contributes.menus.commandPalette;
  for (const id of [COMMANDS.explainLossAtCursor, COMMANDS.openExplorerAtCursor, COMMANDS.fixAllSafe]) {
    const entry = palette.find(p => p.command === id);
    assert.ok(entry?.when.startsWith(LANG_WHEN), `${id}: ${entry?.when}`);
  }
  assert.equal(palette.find(p => p.command === COMMANDS.openSample)?.when, 'false');
  assert.equal(palette.find(p => p.command === COMMANDS.explainLoss)?.when, 'false', 'the short-titled twin is for the context menu only');
  const context: { command: string; when: string }[] = manifest.contributes.menus['editor/context'];
  assert.ok(context.some(c => c.command === COMMANDS.explainLoss && c.when === LANG_WHEN));
  assert.equal(contributed.find(c => c.command === COMMANDS.explainLoss)?.title, 'Explain Loss');
  for (const list of Object.values(manifest.contributes.menus) as { command: string }[][]) {
    for (const m of list)
      assert.ok(
        contributed.some(c => c.command === m.command),
        `menu names unknown ${m.command}`,
      );
  }
});

test('the walkthrough has four steps whose media exist and whose links name contributed commands', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.equal(walkthrough.steps.length, 4);
  for (const step of walkthrough.steps) {
    assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
    for (const m of (step.description as string).matchAll(/\(command:([\w.]+)\)/g)) {
      assert.ok(
        contributed.some(c => c.command === m[1]),
        `${step.id} links to unknown ${m[1]}`,
      );
    }
    for (const e of step.completionEvents as string[]) {
      const id = e.replace(/^onCommand:/, '');
      assert.ok(
        contributed.some(c => c.command === id),
        `${step.id} completes on unknown ${id}`,
      );
    }
  }
});
