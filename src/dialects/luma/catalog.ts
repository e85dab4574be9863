/** Concept keys for `concepts: [{key}]`. Only `dolly_zoom` is in Luma's docs; the rest are camera moves of the same family (ERRATA.md). */
export const CONCEPTS = [
  'dolly_zoom',
  'aerial',
  'aerial_drone',
  'bolt_cam',
  'crane_down',
  'crane_up',
  'eye_level',
  'handheld',
  'low_angle',
  'orbit_left',
  'orbit_right',
  'overhead',
  'pan_left',
  'pan_right',
  'pull_out',
  'push_in',
  'static',
  'tilt_down',
  'tilt_up',
  'zoom_in',
  'zoom_out',
];

/** The retired `GET /generations/camera_motion/list` (2024-09 to 2025-04). */
export const CAMERA_MOTIONS = [
  'Static',
  'Move Left',
  'Move Right',
  'Move Up',
  'Move Down',
  'Push In',
  'Pull Out',
  'Zoom In',
  'Zoom Out',
  'Pan Left',
  'Pan Right',
  'Orbit Left',
  'Orbit Right',
  'Crane Up',
  'Crane Down',
];

/** Starting balance of `GET /credits`, in USD cents, and what each kind of generation costs. */
export const STARTING_CREDITS = 10_000;
export const COSTS: Record<string, number> = {
  video: 40,
  image: 1,
  upscale_video: 20,
  add_audio: 2,
  reframe_image: 1,
  reframe_video: 40,
  modify_video: 40,
};
