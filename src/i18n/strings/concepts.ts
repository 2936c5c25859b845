/** Activations & loss panel strings in English. */
export const en = {
  'panel.concepts': 'Activations & loss',
  'act.panelHeading': 'Activations and the loss',
  'act.heading': 'Activation functions (tutorial §2.1)',
  'act.intro':
    'After each convolution the network applies a non-linear function to every value. Without one, stacked layers would collapse into a single linear map. The derivative (dashed) is what backpropagation multiplies by.',
  'act.relu': 'ReLU',
  'act.sigmoid': 'Sigmoid',
  'act.relu.formula': 'max(0, x)',
  'act.sigmoid.formula': '1 / (1 + e^−x)',
  'act.derivative': 'derivative',
  'act.chartSummary': '{name}, {formula}, and its derivative (dashed) for x from −6 to 6.',
  'act.pros': 'Pros:',
  'act.cons': 'Cons:',
  'act.relu.pros':
    'cheap to compute; no saturation for x > 0 (gradient 1); sparse outputs (many zeros).',
  'act.relu.cons':
    'for x < 0 the gradient is 0, so a unit stuck there stops learning (a “dead” ReLU); not bounded above.',
  'act.sigmoid.pros': 'smooth; output in (0, 1), readable as a probability.',
  'act.sigmoid.cons':
    'saturates: for large |x| the gradient (at most 0.25) nearly vanishes, so deep stacks learn slowly; outputs are not zero-centred; exp is costly.',
  'act.relu.train': 'Train with ReLU →',
  'act.sigmoid.train': 'Train with sigmoid →',
  'act.compareLink': 'Train both and compare their curves in Experiments →',
  'act.compare':
    'Train once with each and compare the loss curves: with sigmoid the loss usually falls more slowly at first.',
  'ce.heading': 'Cross-entropy loss (tutorial §2.2)',
  'ce.intro':
    'The last layer gives 10 raw scores (logits). Softmax turns them into probabilities that sum to 1; the loss is −log of the probability given to the true label: 0 when the network is sure and right, large when it is confidently wrong.',
  'ce.source': 'Input',
  'ce.source.drawn': 'the digit you drew',
  'ce.source.uploaded': 'your uploaded digit',
  'ce.source.dataset': 'the chosen dataset image',
  'ce.source.none': 'current network input (none yet: draw one in Draw & predict)',
  'ce.source.test': 'an MNIST test image',
  'ce.index': 'Test image # (0–{max})',
  'ce.label': 'True label',
  'ce.labelFromPrediction':
    'Your digit has no label of its own, so the true label starts as the predicted digit ({digit}); pick the digit you meant if it is another.',
  'ce.noData': 'MNIST could not be loaded, and there is no drawn input yet.',
  'ce.untrained':
    'The model is untrained (random weights): expect probabilities near 0.1 each and a loss near ln 10 ≈ 2.30. Train it and come back.',
  'ce.inputAlt': 'Network input, label {label}',
  'ce.class': 'Digit',
  'ce.logit': 'Logit z',
  'ce.prob': 'Probability p',
  'ce.softmax': 'Softmax: p[i] = e^z[i] / Σ e^z[j]',
  'ce.lossIs': 'Loss =',
  'ce.explain':
    'A uniform guess (p = 0.1 for every digit) costs ln 10 = {ln10}. Training pushes the loss towards 0.',
} satisfies Record<string, string>;

/** Activations & loss panel strings in Simplified Chinese. */
export const zh: Record<keyof typeof en, string> = {
  'panel.concepts': '激活与损失',
  'act.panelHeading': '激活函数与损失',
  'act.heading': '激活函数（教程 §2.1）',
  'act.intro':
    '每次卷积之后，网络都会对每个值施加一个非线性函数。没有它，多层叠加会退化成一个线性映射。导数（虚线）就是反向传播时要乘上的量。',
  'act.relu': 'ReLU',
  'act.sigmoid': 'Sigmoid',
  'act.relu.formula': 'max(0, x)',
  'act.sigmoid.formula': '1 / (1 + e^−x)',
  'act.derivative': '导数',
  'act.chartSummary': '{name}（{formula}）及其导数（虚线），x 从 −6 到 6。',
  'act.pros': '优点：',
  'act.cons': '缺点：',
  'act.relu.pros': '计算便宜；x > 0 时不饱和（梯度为 1）；输出稀疏（很多零）。',
  'act.relu.cons': 'x < 0 时梯度为 0，卡在那里的单元不再学习（“死亡” ReLU）；没有上界。',
  'act.sigmoid.pros': '平滑；输出在 (0, 1) 之间，可以看作概率。',
  'act.sigmoid.cons':
    '会饱和：|x| 较大时梯度（最大 0.25）几乎消失，深层网络学得很慢；输出不以零为中心；指数运算开销大。',
  'act.relu.train': '用 ReLU 训练 →',
  'act.sigmoid.train': '用 Sigmoid 训练 →',
  'act.compareLink': '两种都训练，并在“实验”中比较它们的曲线 →',
  'act.compare':
    '分别用两种激活函数各训练一次，比较损失曲线：使用 Sigmoid 时，损失在开始阶段通常下降得更慢。',
  'ce.heading': '交叉熵损失（教程 §2.2）',
  'ce.intro':
    '最后一层给出 10 个原始分数（logits）。Softmax 把它们变成和为 1 的概率；损失是真实标签所得概率的 −log：网络有把握且正确时为 0，自信地答错时很大。',
  'ce.source': '输入',
  'ce.source.drawn': '你画的数字',
  'ce.source.uploaded': '你上传的数字',
  'ce.source.dataset': '所选的数据集图像',
  'ce.source.none': '当前网络输入（还没有：请在“手写识别”中画一个）',
  'ce.source.test': '一张 MNIST 测试图像',
  'ce.index': '测试图像编号（0–{max}）',
  'ce.label': '真实标签',
  'ce.labelFromPrediction':
    '你的数字没有自带的标签，所以真实标签先设为预测的数字（{digit}）；如果你想写的是别的数字，请在这里改。',
  'ce.noData': 'MNIST 无法加载，且还没有手写输入。',
  'ce.untrained':
    '模型尚未训练（随机权重）：每个概率大约是 0.1，损失接近 ln 10 ≈ 2.30。训练之后再回来看看。',
  'ce.inputAlt': '网络输入，标签 {label}',
  'ce.class': '数字',
  'ce.logit': 'Logit z',
  'ce.prob': '概率 p',
  'ce.softmax': 'Softmax：p[i] = e^z[i] / Σ e^z[j]',
  'ce.lossIs': '损失 =',
  'ce.explain': '均匀猜测（每个数字 p = 0.1）的损失是 ln 10 = {ln10}。训练会把损失推向 0。',
};
