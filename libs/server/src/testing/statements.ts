import { DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * The statements `dataSource` sends while `work` runs, in order: every round trip TypeORM makes
 * to PostgreSQL, the transaction's START TRANSACTION and COMMIT included. For specs that pin how
 * many round trips a hot path costs (on a busy machine each one is a wait): run it while the app
 * does nothing else, since it counts whatever the DataSource sends in the meantime.
 */
export async function statementsDuring(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const counter: EntitySubscriberInterface = {
    beforeQuery: (event) => {
      sent.push(event.query);
    },
  };
  dataSource.subscribers.push(counter);
  try {
    await work();
  } finally {
    dataSource.subscribers.splice(dataSource.subscribers.indexOf(counter), 1);
  }
  return sent;
}

/** A statement's first word (SELECT, WITH, INSERT, START, COMMIT…): what a spec's expectation names, short enough to read in a diff. */
export function verbOf(statement: string): string {
  return statement.trimStart().split(/\s/, 1)[0]?.toUpperCase() ?? '';
}
