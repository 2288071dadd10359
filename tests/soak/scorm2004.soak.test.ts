import { fullSoak } from './soak-test';

fullSoak('scorm2004');
