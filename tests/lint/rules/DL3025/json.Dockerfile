# expect-none: DL3025
FROM node:20.11
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["node", "server.js"]
