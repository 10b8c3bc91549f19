# expect-none: FromAsCasing
FROM debian:12 AS deb-builder
from debian:12 as other
FROM deb-builder
