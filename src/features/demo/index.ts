/** Public face of the demo feature: fills a new vault with sample data for training. */
export { buildDemoRecords, type DemoRecord } from './demo-records';
export { seedDemoVault } from './seed-demo';
