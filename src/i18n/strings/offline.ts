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
  'offline.ready': 'ready: the app and MNIST are kept on this device',
  'offline.preparing': 'keeping a copy…',
  'offline.dev': 'not in the dev server',
  'offline.unavailable': 'not available here',
  'offline.failed': 'not available: {message}',
  'offline.persistent': 'kept until you clear it',
  'offline.bestEffort': 'the browser may clear it when space runs low',
  'offline.dataCached': 'MNIST ready: from the copy on this device ({bytes} MB) in {ms} ms',
  'isolation.label': 'Isolation',
  'isolation.server': 'cross-origin isolated (server headers): WASM can use threads',
  'isolation.worker': 'cross-origin isolated (service worker): WASM can use threads',
  'isolation.insecure':
    'not isolated, so WASM runs one thread: the page is not on https (or localhost)',
  'isolation.no-worker':
    'not isolated, so WASM runs one thread: the server sends no isolation headers and this window allows no service worker',
  'isolation.worker-failed':
    'not isolated, so WASM runs one thread: the service worker could not start',
  'isolation.bypassed':
    'not isolated, so WASM runs one thread: a forced reload skipped the service worker; reload normally',
  'isolation.refused':
    'not isolated, so WASM runs one thread: this browser does not isolate pages through a service worker',
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
  'offline.ready': '已就绪：应用和 MNIST 已保存在本设备上',
  'offline.preparing': '正在保存副本…',
  'offline.dev': '开发服务器中不可用',
  'offline.unavailable': '此处不可用',
  'offline.failed': '不可用：{message}',
  'offline.persistent': '会一直保留，直到你清除',
  'offline.bestEffort': '空间不足时浏览器可能会清除',
  'offline.dataCached': 'MNIST 已就绪：来自本设备上的副本（{bytes} MB），用时 {ms} 毫秒',
  'isolation.label': '隔离',
  'isolation.server': '已跨源隔离（服务器响应头）：WASM 可以使用多线程',
  'isolation.worker': '已跨源隔离（Service Worker）：WASM 可以使用多线程',
  'isolation.insecure': '未隔离，所以 WASM 只用一个线程：页面不是通过 https（或 localhost）打开的',
  'isolation.no-worker':
    '未隔离，所以 WASM 只用一个线程：服务器没有发送隔离响应头，而此窗口不允许 Service Worker',
  'isolation.worker-failed': '未隔离，所以 WASM 只用一个线程：Service Worker 无法启动',
  'isolation.bypassed':
    '未隔离，所以 WASM 只用一个线程：强制重新加载跳过了 Service Worker，请正常重新加载',
  'isolation.refused': '未隔离，所以 WASM 只用一个线程：此浏览器不支持通过 Service Worker 隔离页面',
};
