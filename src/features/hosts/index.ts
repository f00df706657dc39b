/** Public face of the hosts feature. */
export { HostsPage } from './HostsPage';
