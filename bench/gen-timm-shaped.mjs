// Writes a synthetic package shaped like pytorch-image-models (timm): N model files that import a
// re-exporting `layers/__init__.py` of M layer modules, which import each other, plus the model
// registry/builder helpers, a loss module and a training script. The import graph is what makes a
// whole-project analysis expensive (every model file reaches every layer module through the package
// `__init__`), so the analyzer's cost on it shows whether that cost follows the import graph.
//
//   node bench/gen-timm-shaped.mjs [--out DIR] [--models 150] [--layers 80] [--seed 1]
//   node bench/analysis/whole-repo.mjs --corpus DIR     # LossLens and Ruff-wasm side by side
//
// Deterministic: the same arguments give byte-identical files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const out = resolve(args.out ?? join(tmpdir(), 'timm-shaped'));
const models = Number(args.models ?? 150);
const layerCount = Number(args.layers ?? 80);
let seed = Number(args.seed ?? 1) >>> 0 || 1;

/** xorshift32: the same seed gives the same package. */
function rand() {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
}
const pick = list => list[Math.floor(rand() * list.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const pkg = join(out, 'timm_shaped');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(pkg, 'layers'), { recursive: true });
mkdirSync(join(pkg, 'models'), { recursive: true });
mkdirSync(join(pkg, 'loss'), { recursive: true });
let files = 0;
let lines = 0;
function write(rel, text) {
  writeFileSync(join(pkg, rel), text);
  files++;
  lines += text.split('\n').length;
}

// ---- layers: M modules; each defines a few blocks and imports 1–3 earlier layer modules ----------
const layerNames = Array.from({ length: layerCount }, (_, i) => `layer_${String(i).padStart(3, '0')}`);
const layerClasses = new Map();
layerNames.forEach((name, i) => {
  const classes = Array.from({ length: int(2, 4) }, (_, k) => `Block${i}x${k}`);
  layerClasses.set(name, classes);
  const deps = i === 0 ? [] : Array.from(new Set(Array.from({ length: int(1, 3) }, () => layerNames[int(0, i - 1)])));
  const head = [
    '"""Layer building blocks (generated)."""',
    'import math',
    'from typing import Optional',
    '',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    ...deps.map(d => `from .${d} import ${layerClasses.get(d)[0]}`),
    '',
  ];
  const body = classes.flatMap((cls, k) => layerBlock(cls, k, deps.length ? layerClasses.get(deps[0])[0] : undefined));
  write(`layers/${name}.py`, [...head, ...body, ''].join('\n'));
});
write(
  'layers/__init__.py',
  [
    '"""Re-exports every layer, as timm.layers does."""',
    ...layerNames.map(n => `from .${n} import ${layerClasses.get(n).join(', ')}`),
    'from .helpers import to_2tuple, make_divisible, trunc_normal_',
    '',
  ].join('\n'),
);
write(
  'layers/helpers.py',
  [
    'import collections.abc',
    'from itertools import repeat',
    '',
    'import torch',
    '',
    '',
    'def to_2tuple(x):',
    '    if isinstance(x, collections.abc.Iterable) and not isinstance(x, str):',
    '        return tuple(x)',
    '    return tuple(repeat(x, 2))',
    '',
    '',
    'def make_divisible(v, divisor=8, min_value=None, round_limit=0.9):',
    '    min_value = min_value or divisor',
    '    new_v = max(min_value, int(v + divisor / 2) // divisor * divisor)',
    '    if new_v < round_limit * v:',
    '        new_v += divisor',
    '    return new_v',
    '',
    '',
    'def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0):',
    '    with torch.no_grad():',
    '        return tensor.normal_(mean, std).clamp_(min=a, max=b)',
    '',
  ].join('\n'),
);

function layerBlock(cls, k, base) {
  const dim = pick([64, 96, 128, 192, 256, 384, 512, 768]);
  const heads = pick([2, 4, 8, 12]);
  const kind = (k + int(0, 3)) % 4;
  const lines = [`class ${cls}(nn.Module):`];
  if (kind === 0) {
    // Attention: a softmax over the key axis, the most common softmax in real model code.
    lines.push(
      `    def __init__(self, dim=${dim}, num_heads=${heads}, qkv_bias=False, attn_drop=0.0, proj_drop=0.0):`,
      '        super().__init__()',
      '        self.num_heads = num_heads',
      '        self.scale = (dim // num_heads) ** -0.5',
      '        self.qkv = nn.Linear(dim, dim * 3, bias=qkv_bias)',
      '        self.attn_drop = nn.Dropout(attn_drop)',
      '        self.proj = nn.Linear(dim, dim)',
      '        self.proj_drop = nn.Dropout(proj_drop)',
      '',
      '    def forward(self, x):',
      '        B, N, C = x.shape',
      '        qkv = self.qkv(x).reshape(B, N, 3, self.num_heads, C // self.num_heads).permute(2, 0, 3, 1, 4)',
      '        q, k, v = qkv.unbind(0)',
      '        attn = (q @ k.transpose(-2, -1)) * self.scale',
      '        attn = attn.softmax(dim=-1)',
      '        attn = self.attn_drop(attn)',
      '        x = (attn @ v).transpose(1, 2).reshape(B, N, C)',
      '        return self.proj_drop(self.proj(x))',
    );
  } else if (kind === 1) {
    lines.push(
      `    def __init__(self, in_features=${dim}, hidden_features=None, act_layer=nn.GELU, drop=0.0):`,
      '        super().__init__()',
      '        hidden_features = hidden_features or in_features * 4',
      '        self.fc1 = nn.Linear(in_features, hidden_features)',
      '        self.act = act_layer()',
      '        self.drop = nn.Dropout(drop)',
      '        self.fc2 = nn.Linear(hidden_features, in_features)',
      '',
      '    def forward(self, x):',
      '        x = self.drop(self.act(self.fc1(x)))',
      '        return self.drop(self.fc2(x))',
    );
  } else if (kind === 2) {
    // Squeeze-and-excitation: a sigmoid gate, not a classifier output.
    lines.push(
      `    def __init__(self, channels=${dim}, rd_ratio=1.0 / 16):`,
      '        super().__init__()',
      '        rd = max(8, int(channels * rd_ratio))',
      '        self.fc1 = nn.Conv2d(channels, rd, kernel_size=1, bias=True)',
      '        self.act = nn.ReLU(inplace=True)',
      '        self.fc2 = nn.Conv2d(rd, channels, kernel_size=1, bias=True)',
      '',
      '    def forward(self, x):',
      '        x_se = x.mean((2, 3), keepdim=True)',
      '        x_se = self.fc2(self.act(self.fc1(x_se)))',
      '        return x * torch.sigmoid(x_se)',
    );
  } else {
    lines.push(
      `    def __init__(self, dim=${dim}, drop_path=0.0):`,
      '        super().__init__()',
      `        self.inner = ${base ? `${base}()` : 'nn.Identity()'}`,
      '        self.norm = nn.LayerNorm(dim)',
      '        self.drop_path = drop_path',
      '',
      '    def forward(self, x):',
      '        if self.drop_path > 0.0 and self.training:',
      '            keep = 1 - self.drop_path',
      '            mask = x.new_empty((x.shape[0],) + (1,) * (x.ndim - 1)).bernoulli_(keep)',
      '            return x + self.inner(self.norm(x)) * mask / keep',
      '        return x + self.inner(self.norm(x))',
    );
  }
  lines.push('', '');
  return lines;
}

// ---- registry, builder, models ------------------------------------------------------------------
write(
  'models/_registry.py',
  [
    '_model_entrypoints = {}',
    '',
    '',
    'def register_model(fn):',
    '    _model_entrypoints[fn.__name__] = fn',
    '    return fn',
    '',
    '',
    'def create_model(name, **kwargs):',
    '    return _model_entrypoints[name](**kwargs)',
    '',
  ].join('\n'),
);
write(
  'models/_builder.py',
  [
    'def build_model_with_cfg(model_cls, variant, pretrained=False, **kwargs):',
    '    model = model_cls(**kwargs)',
    '    model.default_cfg = {"architecture": variant}',
    '    return model',
    '',
  ].join('\n'),
);
const modelNames = Array.from({ length: models }, (_, i) => `model_${String(i).padStart(3, '0')}`);
modelNames.forEach((name, i) => {
  const used = Array.from(new Set(Array.from({ length: int(3, 8) }, () => pick(layerNames)))).map(n => layerClasses.get(n)[0]);
  const sibling = i > 0 && rand() < 0.3 ? modelNames[int(0, i - 1)] : undefined;
  const cls = `Net${i}`;
  const classes = int(1000, 1000) + int(0, 0);
  const text = [
    `"""${name}: a generated model family in the style of timm's model files."""`,
    'from functools import partial',
    '',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    `from timm_shaped.layers import ${used.join(', ')}, trunc_normal_, to_2tuple`,
    'from ._builder import build_model_with_cfg',
    'from ._registry import register_model',
    ...(sibling ? [`from .${sibling} import Net${modelNames.indexOf(sibling)}`] : []),
    '',
    '',
    `class ${cls}(nn.Module):`,
    `    def __init__(self, num_classes=${classes}, embed_dim=${pick([192, 384, 768])}, depth=${int(4, 24)}, drop_rate=0.0):`,
    '        super().__init__()',
    '        self.num_classes = num_classes',
    '        self.patch_embed = nn.Conv2d(3, embed_dim, kernel_size=16, stride=16)',
    `        self.blocks = nn.Sequential(*[${used[0]}() for _ in range(depth)])`,
    ...used.slice(1).map((u, k) => `        self.extra${k} = ${u}()`),
    '        self.norm = nn.LayerNorm(embed_dim)',
    '        self.head_drop = nn.Dropout(drop_rate)',
    '        self.head = nn.Linear(embed_dim, num_classes) if num_classes > 0 else nn.Identity()',
    '        self.apply(self._init_weights)',
    '',
    '    def _init_weights(self, m):',
    '        if isinstance(m, nn.Linear):',
    '            trunc_normal_(m.weight, std=0.02)',
    '            if m.bias is not None:',
    '                nn.init.zeros_(m.bias)',
    '',
    '    def forward_features(self, x):',
    '        x = self.patch_embed(x).flatten(2).transpose(1, 2)',
    '        x = self.blocks(x)',
    ...used.slice(1).map((_, k) => `        x = self.extra${k}(x)`),
    '        return self.norm(x)',
    '',
    '    def forward_head(self, x, pre_logits: bool = False):',
    '        x = x.mean(dim=1)',
    '        x = self.head_drop(x)',
    '        return x if pre_logits else self.head(x)',
    '',
    '    def forward(self, x):',
    '        return self.forward_head(self.forward_features(x))',
    '',
    '',
    ...Array.from({ length: int(3, 8) }, (_, v) => [
      '@register_model',
      `def ${name}_v${v}(pretrained=False, **kwargs):`,
      `    model_args = dict(embed_dim=${pick([192, 384, 768])}, depth=${int(4, 24)})`,
      `    return build_model_with_cfg(${sibling && v === 0 ? `Net${modelNames.indexOf(sibling)}` : cls}, "${name}_v${v}", pretrained, **dict(model_args, **kwargs))`,
      '',
      '',
    ]).flat(),
  ].join('\n');
  write(`models/${name}.py`, text);
});
write(
  'models/__init__.py',
  [...modelNames.map(n => `from .${n} import *`), 'from ._registry import create_model, register_model', ''].join('\n'),
);

// ---- losses and a training script (the code the rules are about) -------------------------------
write(
  'loss/cross_entropy.py',
  [
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    '',
    'class LabelSmoothingCrossEntropy(nn.Module):',
    '    def __init__(self, smoothing=0.1):',
    '        super().__init__()',
    '        self.smoothing = smoothing',
    '        self.confidence = 1.0 - smoothing',
    '',
    '    def forward(self, x, target):',
    '        logprobs = F.log_softmax(x, dim=-1)',
    '        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)',
    '        smooth_loss = -logprobs.mean(dim=-1)',
    '        loss = self.confidence * nll_loss + self.smoothing * smooth_loss',
    '        return loss.mean()',
    '',
    '',
    'class SoftTargetCrossEntropy(nn.Module):',
    '    def forward(self, x, target):',
    '        loss = torch.sum(-target * F.log_softmax(x, dim=-1), dim=-1)',
    '        return loss.mean()',
    '',
  ].join('\n'),
);
write('loss/__init__.py', 'from .cross_entropy import LabelSmoothingCrossEntropy, SoftTargetCrossEntropy\n');
write('__init__.py', 'from .layers import *\nfrom .models import create_model\nfrom .loss import LabelSmoothingCrossEntropy\n');
writeFileSync(
  join(out, 'train.py'),
  [
    'import torch',
    'import torch.nn as nn',
    '',
    'from timm_shaped.models import create_model',
    'from timm_shaped.loss import LabelSmoothingCrossEntropy',
    `from timm_shaped.models.${modelNames[0]} import Net0`,
    '',
    '',
    'def train_one_epoch(model, loader, optimizer, smoothing=0.1):',
    '    criterion = LabelSmoothingCrossEntropy(smoothing) if smoothing > 0 else nn.CrossEntropyLoss()',
    '    for x, y in loader:',
    '        loss = criterion(model(x), y)',
    '        optimizer.zero_grad()',
    '        loss.backward()',
    '        optimizer.step()',
    '',
    '',
    'model = Net0(num_classes=10)',
    'optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)',
    '',
  ].join('\n'),
);
files++;
console.log(`timm-shaped package: ${files} .py files, ${lines} lines in ${out} (models ${models}, layer modules ${layerCount})`);
