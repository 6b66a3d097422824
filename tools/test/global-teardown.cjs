module.exports = async () => {
  const pg = globalThis.__SCHAKEL_EMBEDDED_PG__;
  if (pg) await pg.stop();
};
