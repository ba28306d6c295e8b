/**
 * The functions of the focal point (the Social Finance Programme), as the
 * Governing Body reads its progress report. Each is served by one context
 * (the training context serves both staff training and capacity building).
 */
export const FOCAL_POINT_FUNCTIONS = [
  { id: 'help-desk-and-service', title: 'Help desk and service', servedBy: 'help-desk' },
  { id: 'innovation', title: 'Innovation (action research)', servedBy: 'innovation-research' },
  { id: 'knowledge-management', title: 'Knowledge management', servedBy: 'knowledge-base' },
  { id: 'training', title: 'Staff training', servedBy: 'training' },
  { id: 'quality-monitoring', title: 'Quality monitoring', servedBy: 'quality-monitoring' },
  { id: 'capacity-building', title: 'Capacity building of constituents', servedBy: 'training' },
] as const;

export type FocalPointFunctionId = (typeof FOCAL_POINT_FUNCTIONS)[number]['id'];
