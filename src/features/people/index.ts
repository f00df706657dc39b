/** Public face of the people feature: the People tab of a case. */
export { PeopleTab } from './PeopleTab';
