from satellitkontor.cli import main

raise SystemExit(main())
