/** Offline copy, updates and cross-origin isolation, in English. */
export const en = {
  'offline.downloadLabel': 'MNIST download',
  'offline.download': 'Downloading MNIST once for offline use: {loaded} of {total} MB ({percent}%)',
  'offline.downloadUnsized': 'Downloading MNIST once for offline use: {loaded} MB so far',
  'offline.notKept':
    'MNIST could not be kept on this device (storage full or blocked), so the next visit downloads it again.',
  'offline.update': 'Update available — reload to use the new version.',
  'offline.reload': 'Reload',
  'offline.label': 'Offline',
  'offline.ready': 'ready',
  'offline.readyLong':
    'The app and MNIST are kept on this device: it opens, trains and predicts without a network.',
  'offline.preparing': 'keeping a copy…',
  'offline.dev': 'not in the dev server',
  'offline.unavailable': 'not available here',
  'offline.failed': 'not available: {message}',
  'offline.persistent': 'persistent',
  'offline.persistentLong': 'The browser keeps this copy until you clear the site data.',
  'offline.bestEffort': 'not persistent',
  'offline.bestEffortLong':
    'The browser may clear this copy when space runs low; the next online visit then downloads it again.',
  'offline.dataCached': 'MNIST ready: from this device in {ms} ms',
  'isolation.server': "Cross-origin isolated by the server's headers: WASM can use threads.",
  'isolation.worker': 'Cross-origin isolated through the service worker: WASM can use threads.',
  'isolation.insecure':
    'One WASM thread: not cross-origin isolated, as the page is not on https (or localhost)',
  'isolation.no-worker':
    'One WASM thread: not cross-origin isolated, as the server sends no isolation headers and this window allows no service worker',
  'isolation.worker-failed':
    'One WASM thread: not cross-origin isolated, as the service worker could not start',
  'isolation.bypassed':
    'One WASM thread: not cross-origin isolated, as a forced reload skipped the service worker (reload normally)',
  'isolation.refused':
    'One WASM thread: not cross-origin isolated, as this browser does not isolate pages through a service worker',
};

/** Offline copy, updates and cross-origin isolation, in Simplified Chinese. */
export const zh: Record<keyof typeof en, string> = {
  'offline.downloadLabel': 'MNIST 下载',
  'offline.download':
    '正在下载 MNIST（只下载一次，供离线使用）：{loaded} / {total} MB（{percent}%）',
  'offline.downloadUnsized': '正在下载 MNIST（只下载一次，供离线使用）：已下载 {loaded} MB',
  'offline.notKept': '无法在本设备上保存 MNIST（存储已满或被阻止），下次访问会重新下载。',
  'offline.update': '有可用更新——重新加载即可使用新版本。',
  'offline.reload': '重新加载',
  'offline.label': '离线',
  'offline.ready': '已就绪',
  'offline.readyLong': '应用和 MNIST 已保存在本设备上：没有网络也能打开、训练和预测。',
  'offline.preparing': '正在保存副本…',
  'offline.dev': '开发服务器中不可用',
  'offline.unavailable': '此处不可用',
  'offline.failed': '不可用：{message}',
  'offline.persistent': '持久存储',
  'offline.persistentLong': '浏览器会一直保留这份副本，直到你清除网站数据。',
  'offline.bestEffort': '非持久存储',
  'offline.bestEffortLong': '空间不足时浏览器可能会清除这份副本，之后联网访问时会重新下载。',
  'offline.dataCached': 'MNIST 已就绪：来自本设备，用时 {ms} 毫秒',
  'isolation.server': '已由服务器响应头实现跨源隔离：WASM 可以使用多线程。',
  'isolation.worker': '已通过 Service Worker 实现跨源隔离：WASM 可以使用多线程。',
  'isolation.insecure':
    'WASM 只用一个线程：未跨源隔离，因为页面不是通过 https（或 localhost）打开的',
  'isolation.no-worker':
    'WASM 只用一个线程：未跨源隔离，因为服务器没有发送隔离响应头，而此窗口不允许 Service Worker',
  'isolation.worker-failed': 'WASM 只用一个线程：未跨源隔离，因为 Service Worker 无法启动',
  'isolation.bypassed':
    'WASM 只用一个线程：未跨源隔离，因为强制重新加载跳过了 Service Worker（请正常重新加载）',
  'isolation.refused':
    'WASM 只用一个线程：未跨源隔离，因为此浏览器不支持通过 Service Worker 隔离页面',
};
