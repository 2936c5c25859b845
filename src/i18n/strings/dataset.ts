/** Dataset panel strings in English. */
export const en = {
  'dataset.heading': 'The MNIST dataset',
  'dataset.intro':
    'MNIST is 70,000 handwritten digits, each a 28 × 28 grayscale image with its label. The network learns from the training set and is graded on the test set it never saw.',
  'dataset.counts': '{train} training images · {test} test images',
  'dataset.split': 'Set',
  'dataset.split.train': 'Training ({n})',
  'dataset.split.test': 'Test ({n})',
  'dataset.filter': 'Digit',
  'dataset.filter.all': 'All',
  'dataset.showing': 'Showing {from}–{to} of {total}',
  'dataset.prev': 'Previous page',
  'dataset.next': 'Next page',
  'dataset.page': 'Page',
  'dataset.pageOf': 'of {pages}',
  'dataset.grid': 'Images',
  'dataset.imageAlt': 'Image {index}, label {label}',
  'dataset.detail': 'Selected image',
  'dataset.detailTitle': '{split} image #{index} — label {label}',
  'dataset.matrix':
    'Pixel values (0 = black background, 255 = white ink), as the tutorial prints them',
  'dataset.perClass': 'Images per class',
  'dataset.digit': 'Digit',
  'dataset.images': 'Images',
  'dataset.pickOne': 'Click an image to see it large with its pixel values.',
} satisfies Record<string, string>;

/** Dataset panel strings in Simplified Chinese. */
export const zh: Record<keyof typeof en, string> = {
  'dataset.heading': 'MNIST 数据集',
  'dataset.intro':
    'MNIST 包含 70,000 个手写数字，每个都是 28 × 28 的灰度图像并带有标签。网络在训练集上学习，在从未见过的测试集上评分。',
  'dataset.counts': '训练图像 {train} 张 · 测试图像 {test} 张',
  'dataset.split': '数据集',
  'dataset.split.train': '训练集（{n}）',
  'dataset.split.test': '测试集（{n}）',
  'dataset.filter': '数字',
  'dataset.filter.all': '全部',
  'dataset.showing': '显示第 {from}–{to} 张，共 {total} 张',
  'dataset.prev': '上一页',
  'dataset.next': '下一页',
  'dataset.page': '页',
  'dataset.pageOf': '共 {pages} 页',
  'dataset.grid': '图像',
  'dataset.imageAlt': '图像 {index}，标签 {label}',
  'dataset.detail': '所选图像',
  'dataset.detailTitle': '{split}图像 #{index} — 标签 {label}',
  'dataset.matrix': '像素值（0 = 黑色背景，255 = 白色笔迹），与教程打印的一致',
  'dataset.perClass': '每个类别的图像数',
  'dataset.digit': '数字',
  'dataset.images': '图像数',
  'dataset.pickOne': '点击一张图像，查看放大图和像素值。',
};
