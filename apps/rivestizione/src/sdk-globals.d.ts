// The TypeScript SDK names the DOM's BodyInit; Node's types give fetch and Request but not that
// alias, so the root project (lib ES2023, no DOM) gets it here, derived from Node's own Request.
type BodyInit = NonNullable<NonNullable<ConstructorParameters<typeof Request>[1]>['body']>;
