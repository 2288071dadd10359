import { setViewport } from '@web/test-runner-commands';
import { LmsEmulator } from '../../../src/preview/lms-emulator';
import { CourseDriver, courseFrame, waitFor } from './course-driver';
import { coursePackageUrl } from './course-url';
import { LayoutFrame } from './layout-run';

export interface BuiltCourse {
  emulator: LmsEmulator;
  iframe: HTMLIFrameElement;
  course: CourseDriver;
  frame: LayoutFrame;
  /** Ends the emulated LMS and removes the frame. */
  close(): void;
}

/**
 * The built SCORM 1.2 package (`npm run build`) launched for `learnerId` in a frame of the test page,
 * rendered up to its first view (the cover), with a driver and a resizable layout frame around it.
 */
export async function launchBuiltCourse(learnerId: string): Promise<BuiltCourse> {
  await setViewport({ width: 1320, height: 900 });
  const iframe = courseFrame();
  const emulator = new LmsEmulator({ standard: 'scorm12', learnerId });
  const course = new CourseDriver(iframe);
  await emulator.launch(iframe, coursePackageUrl('scorm12'));
  await waitFor(() => course.currentHeading(), 'the course to render');
  const close = () => {
    emulator.dispose();
    iframe.remove();
  };
  return { emulator, iframe, course, frame: new LayoutFrame(iframe), close };
}
