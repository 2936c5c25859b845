/** Evaluate panel strings in English. */
export const en = {
  'evaluate.heading': 'Evaluate on the test set',
  'evaluate.intro':
    'Tutorial §2.6: run the network on all 10,000 test images it never trained on, count the mistakes, and look at which digits it confuses.',
  'evaluate.untrained':
    'This model is untrained: its weights are random, so expect about 10% accuracy (a guess). Train it or load a saved model, then evaluate again.',
  'evaluate.firstTen': 'The first 10 test images, as the tutorial prints them',
  'evaluate.run': 'Evaluate all {n} test images',
  'evaluate.cancel': 'Cancel',
  'evaluate.progress': 'Evaluating',
  'evaluate.progressText': '{done} of {total} images',
  'evaluate.stale': 'The model changed since this evaluation; run it again to update.',
  'evaluate.failed': 'Evaluation failed: {message}',
  'evaluate.time': '{ms} ms on the {backend} backend',
  'evaluate.summary': 'Result',
  'evaluate.confusion': 'Confusion matrix',
  'evaluate.confusionHelp':
    'Rows: the true digit. Columns: what the network predicted. The diagonal is correct; click a cell to see its images.',
  'evaluate.trueDigit': 'True',
  'evaluate.predictedDigit': 'Predicted',
  'evaluate.cell': '{n} images of {label} predicted as {predicted}',
  'evaluate.perClass': 'Precision and recall per digit',
  'evaluate.digit': 'Digit',
  'evaluate.precision': 'Precision',
  'evaluate.recall': 'Recall',
  'evaluate.support': 'Images',
  'evaluate.precisionHelp':
    'Precision: of the images predicted as this digit, how many really are. Recall: of the images of this digit, how many were found.',
  'evaluate.gallery': 'Images of {label} predicted as {predicted} ({n})',
  'evaluate.galleryMore': 'Showing the first {shown} of {n}.',
  'evaluate.close': 'Close',
  'evaluate.wrong': 'The most confidently wrong images',
  'evaluate.noWrong': 'No mistakes at all.',
  'evaluate.caption': 'predicted {predicted}, true {label}, {confidence}',
  'evaluate.imageAlt': 'Test image {index}: predicted {predicted}, true {label}',
} satisfies Record<string, string>;

/** Evaluate panel strings in Simplified Chinese. */
export const zh: Record<keyof typeof en, string> = {
  'evaluate.heading': '在测试集上评估',
  'evaluate.intro':
    '教程 §2.6：让网络识别它从未训练过的全部 10,000 张测试图片，统计错误，看看它会混淆哪些数字。',
  'evaluate.untrained':
    '这个模型还没有训练：权重是随机的，准确率大约只有 10%（相当于瞎猜）。先训练或加载一个保存的模型，再来评估。',
  'evaluate.firstTen': '前 10 张测试图片，按教程的格式打印',
  'evaluate.run': '评估全部 {n} 张测试图片',
  'evaluate.cancel': '取消',
  'evaluate.progress': '评估进度',
  'evaluate.progressText': '已完成 {done} / {total} 张',
  'evaluate.stale': '这次评估之后模型已经改变；请重新评估。',
  'evaluate.failed': '评估失败：{message}',
  'evaluate.time': '用时 {ms} 毫秒，后端 {backend}',
  'evaluate.summary': '结果',
  'evaluate.confusion': '混淆矩阵',
  'evaluate.confusionHelp':
    '行：真实数字。列：网络的预测。对角线是正确的；点击格子查看其中的图片。',
  'evaluate.trueDigit': '真实',
  'evaluate.predictedDigit': '预测',
  'evaluate.cell': '{n} 张 {label} 被预测为 {predicted}',
  'evaluate.perClass': '每个数字的精确率和召回率',
  'evaluate.digit': '数字',
  'evaluate.precision': '精确率',
  'evaluate.recall': '召回率',
  'evaluate.support': '图片数',
  'evaluate.precisionHelp':
    '精确率：被预测为这个数字的图片中，真正是它的比例。召回率：这个数字的图片中，被正确找出的比例。',
  'evaluate.gallery': '{label} 被预测为 {predicted} 的图片（{n} 张）',
  'evaluate.galleryMore': '显示前 {shown} 张，共 {n} 张。',
  'evaluate.close': '关闭',
  'evaluate.wrong': '最“自信”的错误',
  'evaluate.noWrong': '一个错误都没有。',
  'evaluate.caption': '预测 {predicted}，真实 {label}，{confidence}',
  'evaluate.imageAlt': '测试图片 {index}：预测 {predicted}，真实 {label}',
};
