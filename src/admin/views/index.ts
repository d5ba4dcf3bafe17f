export { AdminErrorView } from './error-view.js';
export { DashboardView } from './dashboard-view.js';
export { LoginView } from './login-view.js';
