/** A member of an embedded consumer group. Identity is the object itself. */
export interface GroupMember {
  groupId: string;
  topics: string[];
}

/**
 * Shares each group's partitions among its members (round robin in join
 * order) and makes sure one partition is handled by one member at a time,
 * even while an assignment changes hands.
 */
export class GroupCoordinator {
  private readonly members = new Map<string, GroupMember[]>();
  private readonly locks = new Set<string>();

  join(member: GroupMember): void {
    const group = this.members.get(member.groupId) ?? [];
    group.push(member);
    this.members.set(member.groupId, group);
  }

  leave(member: GroupMember): void {
    const group = (this.members.get(member.groupId) ?? []).filter((m) => m !== member);
    if (group.length) this.members.set(member.groupId, group);
    else this.members.delete(member.groupId);
  }

  assignment(
    member: GroupMember,
    partitionsOf: (topic: string) => number,
  ): Array<{ topic: string; partition: number }> {
    const group = this.members.get(member.groupId) ?? [];
    const result: Array<{ topic: string; partition: number }> = [];
    for (const topic of member.topics) {
      const subscribers = group.filter((m) => m.topics.includes(topic));
      const index = subscribers.indexOf(member);
      if (index < 0) continue;
      const partitions = partitionsOf(topic);
      for (let p = 0; p < partitions; p++) {
        if (p % subscribers.length === index) result.push({ topic, partition: p });
      }
    }
    return result;
  }

  tryLock(groupId: string, topic: string, partition: number): boolean {
    const key = `${groupId}\u0000${topic}\u0000${partition}`;
    if (this.locks.has(key)) return false;
    this.locks.add(key);
    return true;
  }

  unlock(groupId: string, topic: string, partition: number): void {
    this.locks.delete(`${groupId}\u0000${topic}\u0000${partition}`);
  }
}
