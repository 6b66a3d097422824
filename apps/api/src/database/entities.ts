// Every TypeORM entity, listed explicitly so the same list works from TS sources (tests) and the build.
export const ENTITIES: Function[] = [];
