// Cross-cell flows behave like cross-file ones: the notebook fixtures analysed as one program, with
// findings mapped to (cell, line, column). Positives and negatives, in document order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIpynb, virtualNotebookOf } from '../../../server/src/notebook';
import { workspaceOf } from '../../helpers/analysis';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'notebooks');

async function findings(name: string): Promise<string[]> {
  const nb = readIpynb(readFileSync(join(FIXTURES, name), 'utf8'));
  const program = virtualNotebookOf(nb);
  const { ws, uriOf } = await workspaceOf({ 'notebook.py': program.text });
  return ws.check(uriOf('notebook.py')).map(f => {
    const at = program.toCell(f.span.start)!;
    return `${f.code} cell ${at.cell.index + 1}:${at.line + 1}:${at.character + 1}`;
  });
}

test('notebook fixtures: cross-cell positives and negatives', async () => {
  const cases: { file: string; expect: string[]; why: string }[] = [
    {
      file: 'cross_cell_double_softmax.ipynb',
      expect: ['LL001 cell 7:5:22'],
      why: 'softmax model in cell 3 reaches CrossEntropyLoss in cell 7',
    },
    {
      file: 'fixable_steps.ipynb',
      expect: ['LL001 cell 3:3:28', 'LL007 cell 5:2:12'],
      why: 'within cells, after an empty cell and a single-string source',
    },
    { file: 'clean_training.ipynb', expect: [], why: 'logits model; a %%bash cell mentioning nn.Softmax is not Python' },
    {
      file: 'jax_flax_optax.ipynb',
      expect: ['LL001 cell 5:5:64'],
      why: 'a Flax module ending in nn.softmax (cell 3) reaches optax through TrainState.apply_fn in a jitted step (cell 5); the logits module with one-hot labels (cell 6) is clean',
    },
    { file: 'redefined_after_loss.ipynb', expect: [], why: 'the softmax model is defined after the loss (document order)' },
    {
      file: 'smp_segmentation.ipynb',
      expect: ['LL002 cell 4:3:20'],
      why: 'smp model with activation="sigmoid" in cell 3 reaches DiceLoss(mode="binary") in cell 4; MONAI sigmoid=True on logits is clean',
    },
  ];
  for (const c of cases) assert.deepEqual(await findings(c.file), c.expect, `${c.file}: ${c.why}`);
});
