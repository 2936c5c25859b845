/** Model panel strings in English. */
export const en = {
  'model.heading': 'The network',
  'model.intro':
    "This is the tutorial's convolutional network. Two blocks of convolution → activation → max-pooling turn a 28 × 28 image into 32 small feature maps; a linear layer turns those 1,568 numbers into one score per digit.",
  'model.diagram': 'Shapes through the network (channels × height × width)',
  'model.print': 'print(cnn) — as PyTorch prints it',
  'model.table': 'Layers, output shapes and parameters (read from the real model)',
  'model.layer': 'Layer',
  'model.kind': 'Kind',
  'model.shape': 'Output shape',
  'model.params': 'Parameters',
  'model.total': 'Total trainable parameters',
  'model.paramsWhy':
    'conv1: 16 kernels of 5 × 5 × 1 plus 16 biases = 416. conv2: 32 kernels of 5 × 5 × 16 plus 32 biases = 12,832. out: 1,568 × 10 weights plus 10 biases = 15,690. Pooling and flattening have no parameters.',
} satisfies Record<string, string>;

/** Model panel strings in Simplified Chinese. */
export const zh: Record<keyof typeof en, string> = {
  'model.heading': '网络结构',
  'model.intro':
    '这是教程中的卷积神经网络。两个“卷积 → 激活 → 最大池化”模块把 28 × 28 的图像变成 32 张小特征图；最后的线性层把这 1,568 个数变成每个数字的一个得分。',
  'model.diagram': '数据在网络中的形状（通道 × 高 × 宽）',
  'model.print': 'print(cnn) —— PyTorch 的打印结果',
  'model.table': '各层的输出形状和参数个数（从真实模型读取）',
  'model.layer': '层',
  'model.kind': '类型',
  'model.shape': '输出形状',
  'model.params': '参数个数',
  'model.total': '可训练参数总数',
  'model.paramsWhy':
    'conv1：16 个 5 × 5 × 1 的卷积核加 16 个偏置 = 416。conv2：32 个 5 × 5 × 16 的卷积核加 32 个偏置 = 12,832。out：1,568 × 10 个权重加 10 个偏置 = 15,690。池化和展平没有参数。',
};
