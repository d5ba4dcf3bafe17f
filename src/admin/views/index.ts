export { AdminErrorView } from './error-view.js';
export { LoginView } from './login-view.js';
