import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@sfp/event-sourcing';
import { CLOCK, COMMANDS, type Clock, type ContextCommands } from '@sfp/service-kit';
import { courseStreamId } from '../../training.context';
import type { CourseCommand } from '../domain/course.commands';
import { courseDecider, type CourseState } from '../domain/course.decider';

/** A course command as a use case builds it: the time and the author are added here. */
export type CourseCommandBody = CourseCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'at' | 'by'>
    : never
  : never;

/** What every course command answers. */
export interface CourseCommandResult {
  courseId: string;
  /** The stream's version after the command: the course's new ETag. */
  streamVersion: number;
  /** Global position of the command's last event (read your writes); the current head when nothing changed. */
  position: number;
  /** Whether the command recorded anything. */
  changed: boolean;
}

/**
 * The training context's entry for course commands: stamps the command with
 * the clock and the actor, then runs it through the context's command
 * pipeline (load, decide, append with the expected version, retry).
 */
@Injectable()
export class Courses {
  private readonly decider = courseDecider();

  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    courseId: string,
    body: CourseCommandBody,
    context: CommandContext,
  ): Promise<CourseCommandResult> {
    const at = this.clock().toISOString();
    const command = { ...body, at, by: context.actor.id } as CourseCommand;
    const { streamVersion, position, changed } = await this.commands.run({
      streamId: courseStreamId(courseId),
      decider: this.decider,
      command: () => command,
      context,
      occurredAt: at,
    });
    return { courseId, streamVersion, position, changed };
  }

  /** A course as it stands (to plan an offering of it). */
  async load(courseId: string): Promise<CourseState> {
    return (await this.commands.load(courseStreamId(courseId), this.decider)).state;
  }
}
