/** Every string the app shows, in Chinese first and in English; the two must name the same keys. */
export const messages = {
  'zh-CN': {
    'app.title': '产改工作平台',
    'login.title': '登录',
    'login.loginName': '登录名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.required': '请输入{field}',
    'login.failed': '登录失败：{reason}',
    'shell.home': '首页',
    'shell.directory': '组织与职工',
    'shell.access': '账号与权限',
    'shell.integration': '数据集成',
    'shell.actingFor': '当前单位',
    'shell.logout': '退出登录',
    'shell.language': 'English',
    'home.welcome': '欢迎，{name}',
    'home.actingFor': '您正在以 {organisation} 的身份工作。',
    'home.permissions': '您在此单位可使用 {count} 项权限。',
    'error.network': '无法连接服务器，请稍后重试。',
    'error.reload': '重新加载',
    'error.notFound': '没有这个页面',
    'role.platformAdmin': '平台管理员',
    'role.regionAdmin': '区域管理员',
    'role.enterpriseAdmin': '企业工会管理员',
    'role.handler': '承办人',
    'role.representative': '职工代表',
    'role.worker': '职工',
  },
  en: {
    'app.title': 'Workforce',
    'login.title': 'Sign in',
    'login.loginName': 'Login name',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.required': 'Enter your {field}',
    'login.failed': 'Sign-in failed: {reason}',
    'shell.home': 'Home',
    'shell.directory': 'Organisations and workers',
    'shell.access': 'Accounts and permissions',
    'shell.integration': 'Integration',
    'shell.actingFor': 'Acting for',
    'shell.logout': 'Sign out',
    'shell.language': '中文',
    'home.welcome': 'Welcome, {name}',
    'home.actingFor': 'You are working for {organisation}.',
    'home.permissions': 'You hold {count} permissions here.',
    'error.network': 'The server cannot be reached; try again shortly.',
    'error.reload': 'Reload',
    'error.notFound': 'There is no such page',
    'role.platformAdmin': 'Platform administrator',
    'role.regionAdmin': 'Region administrator',
    'role.enterpriseAdmin': 'Union administrator',
    'role.handler': 'Handler',
    'role.representative': 'Representative',
    'role.worker': 'Worker',
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['zh-CN'];

/** The message in the locale, with {name} placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text: string = messages[locale][key] ?? messages['zh-CN'][key];
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}
