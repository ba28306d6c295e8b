import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type CourseEntry, THEMES, TRAINING_LANGUAGES } from '@sfp/contracts';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { FilterBar, FilterSelect } from '../../components/filters';
import { formatDate, formatHours } from '../../components/format';
import { CursorPager, filterOf } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { trainingQueries, type CourseFilters } from './training.api';
import {
  AUDIENCE_LABELS,
  COURSE_KIND_LABELS,
  COURSE_STATUS_LABELS,
  languageName,
  PRIORITY_AREA_LABELS,
  STATUS_BADGES,
} from './training-labels';

const FILTERS = ['kind', 'status', 'theme', 'priorityArea', 'audience', 'language'] as const;

const languages = Object.fromEntries(TRAINING_LANGUAGES.map((code) => [code, languageName(code)]));

/** The course catalogue, filtered by the URL; a course owner writes a new one (records:write). */
export function CoursesPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('trainingCourses');
  const filters: CourseFilters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name)]),
  );
  const list = useQuery(trainingQueries.courses(filters, search.get('cursor')));
  const filter = (name: (typeof FILTERS)[number]) => filterOf(search, update, name);
  return (
    <main id="main">
      <div className="title-row">
        <h1>Course catalogue</h1>
        {can('records:write') ? (
          <Link to={href('newCourse')} className="button primary">
            Write a course
          </Link>
        ) : null}
      </div>
      <FilterBar label="Filters">
        <FilterSelect label="Kind" {...filter('kind')} options={COURSE_KIND_LABELS} />
        <FilterSelect label="Status" {...filter('status')} options={COURSE_STATUS_LABELS} />
        <FilterSelect label="Theme" {...filter('theme')} options={THEMES} />
        <FilterSelect
          label="Priority area"
          {...filter('priorityArea')}
          options={PRIORITY_AREA_LABELS}
        />
        <FilterSelect label="Audience" {...filter('audience')} options={AUDIENCE_LABELS} />
        <FilterSelect label="Language" {...filter('language')} options={languages} />
      </FilterBar>
      <QueryState query={list} what="Loading the catalogue" />
      {list.data?.items.length === 0 ? (
        <Empty>
          No course
          {Object.values(filters).some(Boolean) ? ' matches these filters' : ' written yet'}.
        </Empty>
      ) : null}
      {list.data?.items.length ? (
        <>
          <CoursesTable courses={list.data.items} />
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}

function CoursesTable({ courses }: { courses: CourseEntry[] }) {
  return (
    <ListTable
      label="Courses"
      columns={['Course', 'Kind', 'Priority area', 'Audiences', 'Languages', 'Duration', 'Status']}
    >
      {courses.map((c) => (
        <tr key={c.courseId}>
          <td>
            <Link to={href('trainingCourse', { courseId: c.courseId })}>{c.title}</Link>
            <div className="sub">
              {c.code} · revision {c.revision}
            </div>
          </td>
          <td>{COURSE_KIND_LABELS[c.kind]}</td>
          <td>{PRIORITY_AREA_LABELS[c.priorityArea]}</td>
          <td>{c.audiences.map((a) => AUDIENCE_LABELS[a]).join(', ')}</td>
          <td>{c.languages.map(languageName).join(', ')}</td>
          <td>{formatHours(c.durationHours)}</td>
          <td>
            <Badge kind={STATUS_BADGES[c.status] ?? 'warn'}>{COURSE_STATUS_LABELS[c.status]}</Badge>
            <div className="sub">
              {c.retiredAt
                ? `Retired ${formatDate(c.retiredAt)}`
                : c.publishedAt
                  ? `Published ${formatDate(c.publishedAt)}`
                  : `Updated ${formatDate(c.updatedAt)}`}
            </div>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
