declare module 'multer' {
  import type { RequestHandler } from 'express';
  interface Multer {
    single(field: string): RequestHandler;
  }
  interface MulterFactory {
    (options: { storage: unknown; limits?: Record<string, number> }): Multer;
    memoryStorage(): unknown;
  }
  const multer: MulterFactory;
  export default multer;
}
