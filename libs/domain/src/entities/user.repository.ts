import { EntityRepository, type FilterQuery } from '@mikro-orm/core';
import type { User } from './user.entity.js';

/** What a list of users may be narrowed by, besides the caller's area. */
export interface UserSearch {
  role?: User['role'];
  enteId?: string;
  status?: User['status'];
  /** Part of the username or of the name. */
  text?: string;
}

export class UserRepository extends EntityRepository<User> {
  /** One page of the users within `area` that match `search`, by username, with their total. */
  findPage(area: FilterQuery<User>, search: UserSearch, page: { page: number; pageSize: number }): Promise<[User[], number]> {
    const filters: FilterQuery<User>[] = [area];
    if (search.role) filters.push({ role: search.role });
    if (search.enteId) filters.push({ ente: search.enteId });
    if (search.status) filters.push({ status: search.status });
    if (search.text) filters.push({ $or: [{ username: { $like: `%${search.text}%` } }, { name: { $like: `%${search.text}%` } }] });
    return this.findAndCount({ $and: filters } as FilterQuery<User>, {
      populate: ['ente', 'comune', 'createdBy'],
      orderBy: { username: 'asc' },
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
  }

  async isUsernameTaken(username: string): Promise<boolean> {
    return (await this.count({ username })) > 0;
  }
}
